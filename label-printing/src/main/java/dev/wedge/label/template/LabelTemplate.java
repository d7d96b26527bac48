package dev.wedge.label.template;

import dev.wedge.label.model.Dpi;
import dev.wedge.label.model.Label;
import dev.wedge.label.model.LabelElement;
import dev.wedge.label.model.Symbology;
import dev.wedge.label.zpl.Code128Data;
import dev.wedge.label.zpl.ZplLabelWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A label layout read from a template file, with named variables. {@link #fill} checks every value and
 * builds the {@link Label}; an element that uses an optional variable without a value is left out (in a GS1
 * element string, only that AI is). Immutable; thread-safe.
 */
public final class LabelTemplate {

    private static final Pattern AI_PART = Pattern.compile("\\(\\d{2,4}\\)[^(]*");

    private final String name;
    private final String description;
    private final double width;
    private final double length;
    private final List<TemplateVariable> variables;
    private final List<TemplateElement> elements;

    LabelTemplate(String name, String description, double width, double length, List<TemplateVariable> variables,
                  List<TemplateElement> elements) {
        this.name = name;
        this.description = description;
        this.width = width;
        this.length = length;
        this.variables = List.copyOf(variables);
        this.elements = List.copyOf(elements);
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
        Map<String, TemplateVariable> declared = new HashMap<>();
        variables.forEach(v -> declared.put(v.name(), v));
        for (String key : new TreeSet<>(values.keySet())) {
            if (!declared.containsKey(key)) {
                problems.add("'" + key + "' is not a variable of this template (it has " + declared.keySet() + ")");
            }
        }
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
        String content = e.content();
        String condition = e.attributes().get("if");
        if (condition != null && !values.containsKey(condition)) {
            return null;
        }
        if (e.kind().equals("barcode")) {
            Symbology symbology = Symbology.byTemplateName(e.attributes().get("type"));
            content = symbology.isGs1() ? presentAiParts(content, values).replace(" ", "") : content;
            if (content.isEmpty() || !allPresent(content, values)) {
                return null;
            }
            double height = e.number("h", symbology.isMatrix() ? 10 : 15, name);
            String data = symbology.isGs1() ? interpolate(content, values, Code128Data::escapeValue)
                    : interpolate(content, values, v -> v);
            return new LabelElement.Barcode(symbology, e.number("x", name), e.number("y", name), height,
                    e.number("m", name), data);
        }
        if ("yes".equals(e.attributes().get("gs1"))) {
            content = presentAiParts(content, values);
            if (content.isEmpty()) {
                return null;
            }
        }
        if (!allPresent(content, values)) {
            return null;
        }
        String text = interpolate(content, values, v -> v);
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

    private static boolean allPresent(String content, Map<String, String> values) {
        return TemplateElement.references(content).stream().allMatch(values::containsKey);
    }

    private static String presentAiParts(String content, Map<String, String> values) {
        StringBuilder kept = new StringBuilder();
        Matcher m = AI_PART.matcher(content);
        while (m.find()) {
            if (allPresent(m.group(), values)) {
                kept.append(m.group());
            }
        }
        return kept.toString();
    }

    private static String interpolate(String content, Map<String, String> values, UnaryOperator<String> quote) {
        Matcher m = TemplateElement.REFERENCE.matcher(content);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (m.group(2) != null) {
                value = DateTimeFormatter.ofPattern(m.group(2)).format(LocalDate.parse(value));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(quote.apply(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
