package dev.wedge.label.zpl;

import java.util.List;

/**
 * One label format ({@code ^XA} ... {@code ^XZ}) read back from ZPL.
 *
 * @param fields   the fields that carry data, in order
 * @param commands every command of the format, including {@code ^XA} and {@code ^XZ}
 */
public record ParsedLabel(List<ParsedField> fields, List<ZplCommand> commands) {

    public ParsedLabel {
        fields = List.copyOf(fields);
        commands = List.copyOf(commands);
    }

    /** The texts of all fields, in order. */
    public List<String> fieldTexts() {
        return fields.stream().map(ParsedField::text).toList();
    }

    /** The fields owned by a given command, for example {@code "^BC"}. */
    public List<ParsedField> fieldsOf(String command) {
        return fields.stream().filter(f -> f.command().equals(command)).toList();
    }
}
