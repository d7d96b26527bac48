package dev.wedge.label.zpl;

/**
 * One field of a parsed label: the command that owns it and its text with {@code ^FH} escapes decoded.
 *
 * @param command the owning command: the field's barcode command ({@code ^BC}, {@code ^BX}, ...) or its font
 *                command with the font letter ({@code ^A0}); a field with neither uses the {@code ^CF} default
 * @param text    the decoded field data
 */
public record ParsedField(String command, String text) {

    public ParsedField {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("parsed field has no owning command");
        }
        if (text == null) {
            throw new IllegalArgumentException("parsed field " + command + " has null text");
        }
    }

    /** True when the field is a barcode ({@code ^B..}) rather than text. */
    public boolean isBarcode() {
        return command.startsWith("^B");
    }
}
