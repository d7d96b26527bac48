package dev.wedge.label.zpl;

/**
 * One command of a ZPL stream: its name with prefix ({@code ^FO}, {@code ~HS}; the font command is {@code ^A}
 * with the font letter as the first parameter character) and its parameter text with CR and LF removed.
 *
 * @param name       the prefix ({@code ^} or {@code ~}) and the command letters, upper case
 * @param parameters everything up to the next command, possibly empty
 */
public record ZplCommand(String name, String parameters) {

    public ZplCommand {
        if (name == null || name.length() < 2) {
            throw new IllegalArgumentException("ZPL command name '" + name + "' is too short");
        }
        if (parameters == null) {
            throw new IllegalArgumentException("ZPL command " + name + " has null parameters");
        }
    }

    /** The parameters split at commas; an empty parameter string gives one empty element. */
    public String[] split() {
        return parameters.split(",", -1);
    }

    /** The parameter at {@code index} (0-based) as an int, or {@code fallback} if absent, empty or not a number. */
    public int intParam(int index, int fallback) {
        String[] p = split();
        if (index >= p.length) {
            return fallback;
        }
        try {
            return (int) Math.round(Double.parseDouble(p[index].trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The parameter at {@code index} (0-based), trimmed, or {@code fallback} if absent or empty. */
    public String param(int index, String fallback) {
        String[] p = split();
        if (index >= p.length || p[index].trim().isEmpty()) {
            return fallback;
        }
        return p[index].trim();
    }
}
