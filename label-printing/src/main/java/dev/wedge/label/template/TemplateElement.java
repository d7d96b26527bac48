package dev.wedge.label.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One element line of a template file: its kind, its attributes and its content with {@code {variable}}
 * references.
 */
record TemplateElement(String kind, Map<String, String> attributes, String content, int line) {

    static final Pattern REFERENCE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9._-]*)(?:\\|([^}]*))?}");

    TemplateElement {
        attributes = Map.copyOf(attributes);
        content = content == null ? "" : content;
    }

    /** The variable names the content refers to, in order. */
    List<String> references() {
        return references(content);
    }

    static List<String> references(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    double number(String key, String template) {
        String value = attributes.get(key);
        if (value == null) {
            throw new IllegalArgumentException("template '" + template + "' line " + line + ": " + kind
                    + " needs " + key + "=");
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("template '" + template + "' line " + line + ": " + key + "=" + value
                    + " is not a number", e);
        }
    }

    double number(String key, double fallback, String template) {
        return attributes.containsKey(key) ? number(key, template) : fallback;
    }
}
