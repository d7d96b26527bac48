package dev.wedge.label.template;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One element line of a template file: its kind, its attributes and its content with {@code {variable}}
 * references, parsed once when the template is read so that filling it needs no parsing.
 */
final class TemplateElement {

    static final Pattern REFERENCE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9._-]*)(?:\\|([^}]*))?}");
    private static final Pattern AI_PART = Pattern.compile("\\(\\d{2,4}\\)[^(]*");

    /** A literal piece of content, or a variable reference with an optional date pattern. */
    record Segment(String literal, String variable, DateTimeFormatter format) {
    }

    /** Content split into pieces, with the variables it refers to. */
    record Content(List<Segment> segments, List<String> references) {

        static Content parse(String text) {
            List<Segment> segments = new ArrayList<>();
            List<String> references = new ArrayList<>();
            Matcher m = REFERENCE.matcher(text);
            int last = 0;
            while (m.find()) {
                if (m.start() > last) {
                    segments.add(new Segment(text.substring(last, m.start()), null, null));
                }
                DateTimeFormatter format = m.group(2) == null ? null : DateTimeFormatter.ofPattern(m.group(2));
                segments.add(new Segment(null, m.group(1), format));
                references.add(m.group(1));
                last = m.end();
            }
            if (last < text.length()) {
                segments.add(new Segment(text.substring(last), null, null));
            }
            return new Content(List.copyOf(segments), List.copyOf(references));
        }

        boolean allPresent(Map<String, String> values) {
            for (String r : references) {
                if (!values.containsKey(r)) {
                    return false;
                }
            }
            return true;
        }

        void appendTo(StringBuilder out, Map<String, String> values, UnaryOperator<String> quote) {
            for (Segment s : segments) {
                if (s.literal() != null) {
                    out.append(s.literal());
                } else {
                    String value = values.get(s.variable());
                    if (s.format() != null) {
                        value = s.format().format(java.time.LocalDate.parse(value));
                    }
                    out.append(quote.apply(value));
                }
            }
        }
    }

    private final String kind;
    private final Map<String, String> attributes;
    private final String content;
    private final int line;
    private final Content parsed;
    private final List<Content> aiParts;
    private final Map<String, Double> numbers = new HashMap<>();
    private final dev.wedge.label.model.Symbology symbology;

    TemplateElement(String kind, Map<String, String> attributes, String content, int line) {
        this.kind = kind;
        this.attributes = Map.copyOf(attributes);
        this.content = content == null ? "" : content;
        this.line = line;
        this.parsed = Content.parse(this.content);
        List<Content> parts = new ArrayList<>();
        Matcher m = AI_PART.matcher(this.content.replace(" ", "").isEmpty() ? "" : this.content);
        while (m.find()) {
            parts.add(Content.parse(m.group()));
        }
        this.aiParts = List.copyOf(parts);
        this.symbology = kind.equals("barcode")
                ? dev.wedge.label.model.Symbology.byTemplateName(attributes.getOrDefault("type", "")) : null;
        attributes.forEach((k, v) -> {
            try {
                numbers.put(k, Double.parseDouble(v));
            } catch (NumberFormatException e) {
                // Not every attribute is a number (type=, justify=, if=); number() reports the ones that must be.
            }
        });
    }

    String kind() {
        return kind;
    }

    Map<String, String> attributes() {
        return attributes;
    }

    String content() {
        return content;
    }

    int line() {
        return line;
    }

    Content parsed() {
        return parsed;
    }

    /** The barcode symbology of a barcode element, else null. */
    dev.wedge.label.model.Symbology symbology() {
        return symbology;
    }

    /** The content split into "(AI)value" parts, for GS1 element strings. */
    List<Content> aiParts() {
        return aiParts;
    }

    /** The variable names the content refers to, in order. */
    List<String> references() {
        return parsed.references();
    }

    double number(String key, String template) {
        Double value = numbers.get(key);
        if (value == null) {
            String raw = attributes.get(key);
            throw new IllegalArgumentException("template '" + template + "' line " + line + ": " + kind
                    + (raw == null ? " needs " + key + "=" : " has " + key + "=" + raw + ", which is not a number"));
        }
        return value;
    }

    double number(String key, double fallback, String template) {
        return attributes.containsKey(key) ? number(key, template) : fallback;
    }
}
