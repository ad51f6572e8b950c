package org.switchboard.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.util.Hashtable;
import java.util.List;
import org.junit.Test;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

public class ConfigurationCheckTest {

    /** An integer port attribute that validates like a metatype implementation does. */
    private static final AttributeDefinition PORT = new AttributeDefinition() {
        public String getName() { return "SIP port"; }
        public String getID() { return "sip.port"; }
        public String getDescription() { return ""; }
        public int getCardinality() { return 0; }
        public int getType() { return INTEGER; }
        public String[] getOptionValues() { return null; }
        public String[] getOptionLabels() { return null; }
        public String[] getDefaultValue() { return new String[] {"5060"}; }
        public String validate(String value) {
            try {
                int port = Integer.parseInt(value);
                return port >= 1 && port <= 65535 ? "" : "value out of range 1..65535";
            } catch (NumberFormatException e) {
                return "not an integer";
            }
        }
    };

    private static final ObjectClassDefinition NODE = new ObjectClassDefinition() {
        public String getName() { return "node"; }
        public String getID() { return "org.switchboard.node"; }
        public String getDescription() { return ""; }
        public AttributeDefinition[] getAttributeDefinitions(int filter) { return new AttributeDefinition[] {PORT}; }
        public InputStream getIcon(int size) { return null; }
    };

    @Test
    public void reportsNonNumericPortWithKeyAndValue() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("sip.port", "five");

        List<Violation> violations = ConfigurationCheck.violations(NODE, properties);

        assertEquals(1, violations.size());
        assertEquals("sip.port", violations.get(0).key());
        assertEquals("five", violations.get(0).value());
        assertTrue(violations.get(0).reason(), violations.get(0).reason().startsWith("expected a whole number"));
    }

    @Test
    public void acceptsValidAndAbsentValues() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("sip.port", " 5070 ");
        properties.put("unrelated", "x");

        assertTrue(ConfigurationCheck.violations(NODE, properties).isEmpty());
        assertTrue(ConfigurationCheck.violations(NODE, new Hashtable<>()).isEmpty());
    }

    @Test
    public void reportsOutOfRangeValue() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("sip.port", "70000");

        assertEquals("sip.port", ConfigurationCheck.violations(NODE, properties).get(0).key());
    }
}
