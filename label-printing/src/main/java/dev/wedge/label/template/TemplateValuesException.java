package dev.wedge.label.template;

import java.util.List;

/** The values given for a template are wrong; every problem is listed, and no label was made. */
public class TemplateValuesException extends IllegalArgumentException {

    private final List<String> problems;

    public TemplateValuesException(String template, List<String> problems) {
        super("template '" + template + "': " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per problem, each naming the variable. */
    public List<String> problems() {
        return problems;
    }
}
