package dev.wedge.scanner.gs1;

import java.util.List;

/** Checks one AI's value against its dictionary components: lengths, character sets, then content rules. */
final class FieldCheck {

    private FieldCheck() {
    }

    /**
     * @param offset position of the value's first character in the caller's input, for error positions
     * @throws Gs1SyntaxException naming the AI and the position of the first fault
     */
    static void check(AiDefinition def, String value, int offset) {
        String ai = def.ai();
        List<AiComponent> components = def.components();
        int p = 0;
        for (AiComponent comp : components) {
            int remaining = value.length() - p;
            if (remaining == 0 && comp.optional()) {
                break;
            }
            String part;
            if (comp.fixedLength()) {
                if (remaining < comp.maxLength()) {
                    int bad = comp.charSet().firstInvalid(value.substring(p));
                    if (bad >= 0) {
                        throw badCharacter(ai, comp, value.charAt(p + bad), offset + p + bad);
                    }
                    throw new Gs1SyntaxException(Gs1Error.TOO_SHORT, ai, offset + value.length(), "value '" + value
                            + "' is too short: (" + ai + ") needs " + lengthText(def) + " characters");
                }
                part = value.substring(p, p + comp.maxLength());
            } else {
                part = value.substring(p, Math.min(value.length(), p + comp.maxLength()));
                if (part.length() < comp.minLength()) {
                    throw new Gs1SyntaxException(Gs1Error.TOO_SHORT, ai, offset + value.length(),
                            "value '" + value + "' is too short: (" + ai + ") needs " + lengthText(def) + " characters");
                }
            }
            int bad = comp.charSet().firstInvalid(part);
            if (bad >= 0) {
                throw badCharacter(ai, comp, part.charAt(bad), offset + p + bad);
            }
            lint(ai, comp, part, offset + p);
            p += part.length();
        }
        if (p < value.length()) {
            throw new Gs1SyntaxException(Gs1Error.TOO_LONG, ai, offset + p, "value '" + value + "' is too long: ("
                    + ai + ") takes " + lengthText(def) + " characters, this has " + value.length());
        }
    }

    private static void lint(String ai, AiComponent comp, String part, int offset) {
        for (String linter : comp.linters()) {
            LintFailure failure = Linters.apply(linter, part);
            if (failure != null) {
                throw new Gs1SyntaxException(failure.error().code(), ai, offset + failure.start(),
                        "'" + part + "' fails the " + linter + " rule (" + failure.error().referenceName() + ")");
            }
        }
    }

    private static Gs1SyntaxException badCharacter(String ai, AiComponent comp, char c, int position) {
        String shown = c < 0x20 || c > 0x7E ? String.format("U+%04X", (int) c) : "'" + c + "'";
        return new Gs1SyntaxException(Gs1Error.BAD_CHARACTER, ai, position,
                "character " + shown + " is not allowed in a " + comp.charSet() + " component");
    }

    static String lengthText(AiDefinition def) {
        int min = def.minLength();
        int max = def.maxLength();
        return min == max ? Integer.toString(max) : min + " to " + max;
    }
}
