package dev.wedge.label.template;

import dev.wedge.label.model.Dpi;
import dev.wedge.label.model.Label;
import dev.wedge.label.model.LabelElement;
import dev.wedge.label.model.Symbology;
import dev.wedge.label.zpl.Code128Data;
import dev.wedge.label.zpl.ZplLabelWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A label layout read from a template file, with named variables. {@link #fill} checks every value and
 * builds the {@link Label}; an element that uses an optional variable without a value is left out (in a GS1
 * element string, only that AI is). Immutable; thread-safe.
 */
public final class LabelTemplate {

    private final String name;
    private final String description;
    private final double width;
    private final double length;
    private final List<TemplateVariable> variables;
    private final List<TemplateElement> elements;
    private final Map<String, TemplateVariable> declared = new HashMap<>();

    LabelTemplate(String name, String description, double width, double length, List<TemplateVariable> variables,
                  List<TemplateElement> elements) {
        this.name = name;
        this.description = description;
        this.width = width;
        this.length = length;
        this.variables = List.copyOf(variables);
        this.elements = List.copyOf(elements);
        this.variables.forEach(v -> declared.put(v.name(), v));
        // Checks the size once, when the template is read, so a wrong size is reported with the file.
        new Label(width, length, List.of());
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** Label width, mm. */
    public double width() {
        return width;
    }

    /** Label length, mm. */
    public double length() {
        return length;
    }

    public List<TemplateVariable> variables() {
        return variables;
    }

    /** Fills the template and writes it as ZPL at the given resolution. */
    public String toZpl(Map<String, String> values, Dpi dpi) {
        return new ZplLabelWriter().write(fill(values), dpi);
    }

    /**
     * Builds the label for these values.
     *
     * @throws TemplateValuesException listing every unknown, missing or invalid value
     */
    public Label fill(Map<String, String> values) {
        Map<String, String> normalised = normalise(values);
        List<LabelElement> built = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (TemplateElement e : elements) {
            try {
                LabelElement element = build(e, normalised);
                if (element != null) {
                    built.add(element);
                }
            } catch (IllegalArgumentException ex) {
                problems.add("line " + e.line() + " (" + e.content() + "): " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateValuesException(name, problems);
        }
        return new Label(width, length, built);
    }

    private Map<String, String> normalise(Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        Map<String, TemplateVariable> declared = this.declared;
        for (String key : values.keySet()) {
            if (!declared.containsKey(key)) {
                problems.add("'" + key + "' is not a variable of this template (it has "
                        + new TreeSet<>(declared.keySet()) + ")");
            }
        }
        problems.sort(null);
        Map<String, String> normalised = new HashMap<>();
        for (TemplateVariable v : variables) {
            String value = values.get(v.name());
            if (value == null || value.isEmpty()) {
                if (v.required()) {
                    problems.add(v.name() + " is required");
                }
                continue;
            }
            try {
                normalised.put(v.name(), v.type().normalise(value, v.min(), v.max()));
            } catch (IllegalArgumentException e) {
                problems.add(v.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateValuesException(name, problems);
        }
        return normalised;
    }

    private LabelElement build(TemplateElement e, Map<String, String> values) {
        String condition = e.attributes().get("if");
        if (condition != null && !values.containsKey(condition)) {
            return null;
        }
        if (e.kind().equals("barcode")) {
            Symbology symbology = e.symbology();
            String data = symbology.isGs1() ? presentAiParts(e, values, Code128Data::escapeValue).replace(" ", "")
                    : e.parsed().allPresent(values) ? text(e.parsed(), values) : "";
            if (data.isEmpty()) {
                return null;
            }
            double height = e.number("h", symbology.isMatrix() ? 10 : 15, name);
            return new LabelElement.Barcode(symbology, e.number("x", name), e.number("y", name), height,
                    e.number("m", name), data);
        }
        String text;
        if ("yes".equals(e.attributes().get("gs1"))) {
            text = presentAiParts(e, values, v -> v);
            if (text.isEmpty()) {
                return null;
            }
        } else if (e.parsed().allPresent(values)) {
            text = text(e.parsed(), values);
        } else {
            return null;
        }
        switch (e.kind()) {
            case "text":
                return new LabelElement.Text(e.number("x", name), e.number("y", name), e.number("h", name), text);
            case "block":
                String justify = e.attributes().getOrDefault("justify", "L");
                return new LabelElement.TextBlock(e.number("x", name), e.number("y", name), e.number("w", name),
                        e.number("h", name), (int) e.number("lines", 1, name), justify.charAt(0), text);
            case "box":
                return new LabelElement.Box(e.number("x", name), e.number("y", name), e.number("w", name),
                        e.number("h", name), e.number("t", 0.25, name));
            default:
                throw new IllegalArgumentException("unknown element kind " + e.kind());
        }
    }

    private static String text(TemplateElement.Content content, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        content.appendTo(out, values, v -> v);
        return out.toString();
    }

    /** The "(AI)value" parts whose variables all have values, in order. */
    private static String presentAiParts(TemplateElement e, Map<String, String> values, UnaryOperator<String> quote) {
        StringBuilder out = new StringBuilder();
        for (TemplateElement.Content part : e.aiParts()) {
            if (part.allPresent(values)) {
                part.appendTo(out, values, quote);
            }
        }
        return out.toString();
    }
}
