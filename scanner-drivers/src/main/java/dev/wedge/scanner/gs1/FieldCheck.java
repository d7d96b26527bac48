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
                    checkCharacters(ai, comp, value.substring(p), offset + p);
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
            checkCharacters(ai, comp, part, offset + p);
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
                        "'" + Gs1Parser.printable(part) + "' fails the " + linter + " rule ("
                                + failure.error().referenceName() + ")", failure.error());
            }
        }
    }

    private static void checkCharacters(String ai, AiComponent comp, String part, int offset) {
        LintFailure failure = switch (comp.charSet()) {
            case NUMERIC -> ValueLinters.digits(part);
            case CSET82 -> CharacterLinters.charSet(part, CharSet.CSET82, LintError.INVALID_CSET82_CHARACTER);
            case CSET39 -> CharacterLinters.charSet(part, CharSet.CSET39, LintError.INVALID_CSET39_CHARACTER);
            case CSET64 -> CharacterLinters.cset64(part);
        };
        if (failure != null) {
            char c = part.isEmpty() ? ' ' : part.charAt(Math.min(failure.start(), part.length() - 1));
            String shown = c < 0x20 || c > 0x7E ? String.format("U+%04X", (int) c) : "'" + c + "'";
            String what = failure.error() == LintError.INVALID_CSET64_PADDING ? "padding '=' is misplaced"
                    : "character " + shown + " is not allowed";
            throw new Gs1SyntaxException(Gs1Error.BAD_CHARACTER, ai, offset + failure.start(),
                    what + " in a " + comp.charSet() + " component", failure.error());
        }
    }

    static String lengthText(AiDefinition def) {
        int min = def.minLength();
        int max = def.maxLength();
        return min == max ? Integer.toString(max) : min + " to " + max;
    }
}
