package dev.wedge.scanner.gs1;

import java.util.ArrayList;
import java.util.List;

/** Reads the bracketed human-readable form {@code (01)09521234543213(10)ABC}; {@code \(} is a literal '('. */
final class BracketedForm {

    private BracketedForm() {
    }

    static Gs1Parser.Positioned read(String text, Gs1Parser parser) {
        List<AiElement> elements = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            if (text.charAt(pos) != '(') {
                throw new Gs1SyntaxException(Gs1Error.BAD_SYNTAX, null, pos, "the bracketed form must start with (AI)");
            }
            int close = text.indexOf(')', pos + 1);
            if (close < 0) {
                throw new Gs1SyntaxException(Gs1Error.BAD_SYNTAX, null, pos, "the AI bracket opened here is never closed");
            }
            String ai = text.substring(pos + 1, close);
            checkAiShape(ai, pos);
            AiDefinition def = parser.definition(ai, pos + 1);
            positions.add(pos);
            StringBuilder value = new StringBuilder();
            int p = close + 1;
            int valueStart = p;
            while (p < text.length() && text.charAt(p) != '(') {
                if (text.charAt(p) == '\\' && p + 1 < text.length() && text.charAt(p + 1) == '(') {
                    p++;
                }
                value.append(text.charAt(p));
                p++;
            }
            if (value.length() == 0) {
                throw new Gs1SyntaxException(Gs1Error.TOO_SHORT, ai, valueStart, "(" + ai + ") has an empty value");
            }
            FieldCheck.check(def, value.toString(), valueStart);
            elements.add(parser.element(ai, value.toString()));
            pos = p;
        }
        return new Gs1Parser.Positioned(elements, positions);
    }

    private static void checkAiShape(String ai, int pos) {
        if (ai.length() < 2 || ai.length() > 4) {
            throw new Gs1SyntaxException(Gs1Error.BAD_SYNTAX, null, pos + 1,
                    "AI '" + ai + "' must be 2 to 4 digits");
        }
        for (int i = 0; i < ai.length(); i++) {
            if (ai.charAt(i) < '0' || ai.charAt(i) > '9') {
                throw new Gs1SyntaxException(Gs1Error.BAD_SYNTAX, null, pos + 1 + i, "AI '" + ai + "' must be numeric");
            }
        }
    }
}
