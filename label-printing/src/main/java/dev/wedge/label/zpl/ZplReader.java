package dev.wedge.label.zpl;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ZPL back into labels and their field texts, decoding {@code ^FH} escapes with the character set chosen
 * by {@code ^CI} (28 to 30 mean UTF-8; anything else is read as Latin-1). Used by the virtual printer and by
 * tests that prove no value escaped its field. Stateless; thread-safe.
 */
public final class ZplReader {

    /** Every label format in {@code zpl}; text outside {@code ^XA}..{@code ^XZ} is ignored. */
    public List<ParsedLabel> read(String zpl) {
        List<ParsedLabel> labels = new ArrayList<>();
        FieldState state = new FieldState();
        List<ZplCommand> commands = null;
        List<ParsedField> fields = null;
        for (ZplCommand command : ZplLexer.commands(zpl)) {
            String name = command.name();
            if (name.equals("^XA")) {
                commands = new ArrayList<>();
                fields = new ArrayList<>();
                state.reset();
            }
            if (commands == null) {
                continue;
            }
            commands.add(command);
            if (name.equals("^XZ")) {
                state.finishField(fields);
                labels.add(new ParsedLabel(fields, commands));
                commands = null;
                fields = null;
            } else {
                state.apply(command, fields);
            }
        }
        return labels;
    }

    /** What the commands since the last {@code ^FS} have said about the field being built. */
    private static final class FieldState {
        private Charset charset = StandardCharsets.UTF_8;
        private char defaultFont = 'A';
        private String owner;
        private Character hexIndicator;
        private StringBuilder data;
        private boolean block;

        void reset() {
            block = false;
            owner = null;
            hexIndicator = null;
            data = null;
        }

        void apply(ZplCommand command, List<ParsedField> fields) {
            String name = command.name();
            String p = command.parameters();
            switch (name) {
                case "^FS" -> finishField(fields);
                case "^FB" -> block = true;
                case "^FH" -> hexIndicator = p.isEmpty() ? '_' : p.charAt(0);
                case "^FD", "^FV" -> {
                    if (data == null) {
                        data = new StringBuilder();
                    }
                    data.append(p);
                }
                case "^CI" -> charset = charsetOf(command.intParam(0, 0));
                case "^CF" -> defaultFont = p.isEmpty() ? defaultFont : p.charAt(0);
                case "^A" -> owner = "^A" + (p.isEmpty() ? "" : String.valueOf(p.charAt(0)).toUpperCase());
                case "^A@" -> owner = "^A@";
                default -> {
                    if (name.startsWith("^B") && !name.equals("^BY")) {
                        owner = name;
                    }
                }
            }
        }

        void finishField(List<ParsedField> fields) {
            if (data != null) {
                // In a text block the two characters \& are a line break; read them as one.
                String raw = block ? data.toString().replace("\\&", "\n") : data.toString();
                String text = hexIndicator == null ? raw : FieldEncoding.unescape(raw, hexIndicator, charset);
                fields.add(new ParsedField(owner == null ? "^A" + defaultFont : owner, text));
            }
            reset();
        }

        private static Charset charsetOf(int ci) {
            return ci >= 28 && ci <= 30 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        }
    }
}
