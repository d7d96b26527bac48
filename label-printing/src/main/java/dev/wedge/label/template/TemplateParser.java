package dev.wedge.label.template;

import dev.wedge.label.model.Symbology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the template file format, line by line:
 *
 * <pre>
 * # comment
 * template NAME
 * description: free text
 * size width=MM height=MM
 * var NAME type=TYPE [required] [min=N] [max=N] : what it means
 * text x=MM y=MM h=MM : content with {variable} and {date|yyMMdd}
 * block x=MM y=MM w=MM h=MM lines=N [justify=L|C|R|J] : content
 * box x=MM y=MM w=MM h=MM [t=MM]
 * barcode type=SYMBOLOGY x=MM y=MM [h=MM] m=MM : data
 * </pre>
 *
 * Attributes are {@code key=value} words before the first colon; the content is everything after it.
 */
final class TemplateParser {

    private static final Set<String> ELEMENT_KINDS = Set.of("text", "block", "box", "barcode");

    private TemplateParser() {
    }

    static LabelTemplate parse(String source, String text) {
        String name = null;
        String description = "";
        double width = 0;
        double length = 0;
        Map<String, TemplateVariable> variables = new LinkedHashMap<>();
        List<TemplateElement> elements = new ArrayList<>();
        String[] lines = text.replace("\uFEFF", "").split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            String keyword = line.split("[\\s:]", 2)[0];
            String where = "template " + source + " line " + lineNo;
            if (keyword.equals("template")) {
                name = line.substring("template".length()).strip();
            } else if (keyword.equals("description")) {
                description = contentOf(line);
            } else if (keyword.equals("size")) {
                TemplateElement size = element(line, lineNo);
                width = size.number("width", source);
                length = size.number("height", source);
            } else if (keyword.equals("var")) {
                TemplateVariable v = variable(line, where);
                if (variables.put(v.name(), v) != null) {
                    throw new IllegalArgumentException(where + ": variable '" + v.name() + "' is declared twice");
                }
            } else if (ELEMENT_KINDS.contains(keyword)) {
                elements.add(element(line, lineNo));
            } else {
                throw new IllegalArgumentException(where + ": '" + keyword + "' is not template, description, size, var, "
                        + String.join(", ", ELEMENT_KINDS));
            }
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("template " + source + " has no 'template NAME' line");
        }
        checkReferences(name, variables, elements);
        return new LabelTemplate(name, description, width, length, List.copyOf(variables.values()), elements);
    }

    private static void checkReferences(String name, Map<String, TemplateVariable> variables,
                                        List<TemplateElement> elements) {
        for (TemplateElement e : elements) {
            java.util.regex.Matcher m = TemplateElement.REFERENCE.matcher(e.content());
            while (m.find()) {
                TemplateVariable v = variables.get(m.group(1));
                String where = "template '" + name + "' line " + e.line();
                if (v == null) {
                    throw new IllegalArgumentException(where + " uses {" + m.group(1) + "}, which is not declared with 'var'");
                }
                if (m.group(2) != null) {
                    if (v.type() != VariableType.DATE) {
                        throw new IllegalArgumentException(where + " formats {" + m.group(1) + "}, which is not a date");
                    }
                    java.time.format.DateTimeFormatter.ofPattern(m.group(2));
                }
            }
            String condition = e.attributes().get("if");
            if (condition != null && !variables.containsKey(condition)) {
                throw new IllegalArgumentException("template '" + name + "' line " + e.line() + " has if="
                        + condition + ", which is not declared with 'var'");
            }
            if (e.kind().equals("barcode")) {
                Symbology.byTemplateName(e.attributes().getOrDefault("type", ""));
            }
        }
    }

    private static TemplateVariable variable(String line, String where) {
        String head = headOf(line);
        String[] words = head.split("\\s+");
        if (words.length < 2) {
            throw new IllegalArgumentException(where + ": var needs a name");
        }
        Map<String, String> attrs = new HashMap<>();
        boolean required = false;
        for (int i = 2; i < words.length; i++) {
            if (words[i].equals("required")) {
                required = true;
            } else if (words[i].contains("=")) {
                String[] kv = words[i].split("=", 2);
                attrs.put(kv[0], kv[1]);
            } else {
                throw new IllegalArgumentException(where + ": '" + words[i] + "' is not key=value or 'required'");
            }
        }
        try {
            VariableType type = VariableType.byTemplateName(attrs.getOrDefault("type", "text"));
            long min = Long.parseLong(attrs.getOrDefault("min", "0"));
            long max = Long.parseLong(attrs.getOrDefault("max", type == VariableType.INT ? "999999999" : "200"));
            return new TemplateVariable(words[1], type, required, min, max, contentOf(line));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static TemplateElement element(String line, int lineNo) {
        String[] words = headOf(line).split("\\s+");
        Map<String, String> attrs = new HashMap<>();
        for (int i = 1; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("template line " + lineNo + ": '" + words[i] + "' is not key=value");
            }
            attrs.put(kv[0], kv[1]);
        }
        return new TemplateElement(words[0], attrs, line.indexOf(':') < 0 ? "" : contentOf(line), lineNo);
    }

    private static String headOf(String line) {
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(0, colon)).strip();
    }

    private static String contentOf(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return "";
        }
        String rest = line.substring(colon + 1);
        return rest.startsWith(" ") ? rest.substring(1) : rest;
    }
}
