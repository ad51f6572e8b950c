package org.switchboard.persistence.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.switchboard.api.acd.SkillRequirement;

/** String maps (attributes, skill levels) stored in one text column as properties text: escapes anything, no library. */
final class PropertiesText {

    private PropertiesText() {
    }

    static String encode(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static Map<String, String> decode(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    /** Required skills as skill = minimum level. */
    static String encodeRequirements(List<SkillRequirement> requirements) {
        Map<String, String> levels = new TreeMap<>();
        requirements.forEach(r -> levels.put(r.skill(), Integer.toString(r.minimumLevel())));
        return encode(levels);
    }

    static List<SkillRequirement> decodeRequirements(String text) {
        return decode(text).entrySet().stream()
                .map(level -> new SkillRequirement(level.getKey(), Integer.parseInt(level.getValue()))).toList();
    }
}
