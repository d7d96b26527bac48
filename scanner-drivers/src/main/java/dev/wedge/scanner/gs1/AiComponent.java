package dev.wedge.scanner.gs1;

import java.util.List;

/**
 * One component of an AI's data field, as the syntax dictionary describes it: "N14,csum" or "[X..17]".
 *
 * @param charSet   the characters allowed
 * @param minLength fewest characters (equal to {@code maxLength} for a fixed-length component)
 * @param maxLength most characters
 * @param optional  whether the component may be left out (only at the end of the field)
 * @param linters   names of the content rules applied to this component, in order
 */
public record AiComponent(CharSet charSet, int minLength, int maxLength, boolean optional, List<String> linters) {

    public AiComponent {
        if (charSet == null) {
            throw new IllegalArgumentException("an AI component needs a character set");
        }
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException(
                    "AI component length " + minLength + ".." + maxLength + " is not a valid range");
        }
        linters = List.copyOf(linters);
    }

    /** True when the component always has exactly {@code maxLength} characters. */
    public boolean fixedLength() {
        return minLength == maxLength;
    }

    /** Parses a dictionary specification token such as {@code N14,csum}, {@code [X..17]} or {@code [N3],iso3166}. */
    static AiComponent parse(String token) {
        boolean optional = token.startsWith("[");
        String spec = token;
        if (optional) {
            int close = token.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("dictionary component '" + token + "' has no closing ']'");
            }
            spec = token.substring(1, close) + token.substring(close + 1);
        }
        String[] parts = spec.split(",");
        String format = parts[0];
        CharSet set = CharSet.ofLetter(format.charAt(0));
        String length = format.substring(1);
        int min;
        int max;
        if (length.startsWith("..")) {
            min = 1;
            max = Integer.parseInt(length.substring(2));
        } else {
            min = Integer.parseInt(length);
            max = min;
        }
        List<String> linters = List.of(parts).subList(1, parts.length);
        return new AiComponent(set, min, max, optional, linters);
    }
}
