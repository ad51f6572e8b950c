package org.switchboard.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.List;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/** Compares a configuration's values with the attribute definitions of its metatype. */
final class ConfigurationCheck {

    private ConfigurationCheck() {
    }

    static List<Violation> violations(ObjectClassDefinition ocd, Dictionary<String, ?> properties) {
        List<Violation> found = new ArrayList<>();
        AttributeDefinition[] definitions = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        if (definitions == null) {
            return found;
        }
        for (AttributeDefinition definition : definitions) {
            Object value = properties.get(definition.getID());
            if (value == null || value.getClass().isArray() || value instanceof Collection) {
                continue;
            }
            String problem = definition.validate(value.toString().trim());
            if (problem != null && !problem.isEmpty()) {
                found.add(new Violation(definition.getID(), value, describe(definition, problem)));
            }
        }
        return found;
    }

    private static String describe(AttributeDefinition definition, String problem) {
        return "expected " + typeName(definition.getType()) + " (" + problem + ")";
    }

    private static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> "a whole number";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "a number";
            case AttributeDefinition.BOOLEAN -> "true or false";
            default -> "a valid value";
        };
    }
}
