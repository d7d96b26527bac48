package dev.wedge.label.template;

/**
 * A named value a template needs.
 *
 * @param name        letters, digits, dots, dashes and underscores
 * @param type        what it holds
 * @param required    whether a label can be made without it (elements using an absent optional value are left out)
 * @param min         least value for {@code int}
 * @param max         most characters (text types) or greatest value ({@code int})
 * @param description what the value means, for people filling the template
 */
public record TemplateVariable(String name, VariableType type, boolean required, long min, long max,
                               String description) {

    public TemplateVariable {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("template variable name '" + name + "' is not letters, digits, . _ -");
        }
        if (type == null) {
            throw new IllegalArgumentException("template variable '" + name + "' has no type");
        }
        if (min > max) {
            throw new IllegalArgumentException("template variable '" + name + "' has min " + min + " above max " + max);
        }
        description = description == null ? "" : description;
    }
}
