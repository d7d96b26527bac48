package dev.wedge.label.preview;

import dev.wedge.label.zpl.ZplCommand;

/**
 * The font in effect for a field: the field's own {@code ^A} if it has one, else the {@code ^CF} default.
 * Bitmap fonts A-H have fixed cells and scale by whole multiples; font 0 scales freely.
 */
final class FontSettings {

    private char defaultName = 'A';
    private int defaultHeight = 9;
    private int defaultWidth = 5;
    private char defaultOrientation = 'N';
    private Integer fieldHeight;
    private Integer fieldWidth;
    private Character fieldOrientation;
    private Character fieldName;

    void defaultFont(ZplCommand c) {
        String[] p = c.split();
        defaultName = p[0].isEmpty() ? defaultName : Character.toUpperCase(p[0].charAt(0));
        int[] cell = cell(defaultName);
        int h = c.intParam(1, -1);
        int w = c.intParam(2, -1);
        defaultHeight = scaled(defaultName, h, w, cell, true);
        defaultWidth = scaled(defaultName, h, w, cell, false);
    }

    void defaultOrientation(String parameters) {
        if (!parameters.isEmpty() && "NRIB".indexOf(parameters.charAt(0)) >= 0) {
            defaultOrientation = parameters.charAt(0);
        }
    }

    /** {@code ^Afo,h,w}: the font letter, then orientation, height and width, any of them left out. */
    void fieldFont(ZplCommand c) {
        String p = c.parameters();
        char name = p.isEmpty() ? defaultName : Character.toUpperCase(p.charAt(0));
        String rest = p.isEmpty() ? "" : p.substring(1);
        if (c.name().equals("^A@")) {
            rest = p;
            name = '0';
        }
        String[] parts = rest.split(",", -1);
        int index = 0;
        if (parts.length > 0 && !parts[0].isEmpty() && Character.isLetter(parts[0].charAt(0))) {
            fieldOrientation = Character.toUpperCase(parts[0].charAt(0));
            index = 1;
        } else if (parts.length > 0 && parts[0].isEmpty()) {
            index = 1;
        }
        int h = number(parts, index);
        int w = number(parts, index + 1);
        int[] cell = cell(name);
        fieldName = name;
        fieldHeight = scaled(name, h, w, cell, true);
        fieldWidth = scaled(name, h, w, cell, false);
    }

    void endField() {
        fieldHeight = null;
        fieldWidth = null;
        fieldOrientation = null;
        fieldName = null;
    }

    /** True when the field is drawn in one of the fixed-cell bitmap fonts A-H. */
    boolean isBitmap() {
        return cell(fieldName != null ? fieldName : defaultName) != null;
    }

    int height() {
        return fieldHeight != null ? fieldHeight : defaultHeight;
    }

    int width() {
        return fieldWidth != null ? fieldWidth : defaultWidth;
    }

    char orientation() {
        return fieldOrientation != null ? fieldOrientation : defaultOrientation;
    }

    char defaultOrientationChar() {
        return defaultOrientation;
    }

    private static int scaled(char name, int h, int w, int[] cell, boolean height) {
        if (name == '0' || cell == null) {
            int hh = h > 0 ? h : (w > 0 ? w : 15);
            int ww = w > 0 ? w : hh;
            return height ? hh : ww;
        }
        int mag = h > 0 ? Math.max(1, Math.round((float) h / cell[0])) : 1;
        int magW = w > 0 ? Math.max(1, Math.round((float) w / cell[1])) : mag;
        return height ? cell[0] * mag : cell[1] * magW;
    }

    /** Cell height and width in dots of the bitmap fonts at 203 dpi. */
    private static int[] cell(char name) {
        return switch (name) {
            case 'A' -> new int[] {9, 5};
            case 'B' -> new int[] {11, 7};
            case 'C', 'D' -> new int[] {18, 10};
            case 'E' -> new int[] {28, 15};
            case 'F' -> new int[] {26, 13};
            case 'G' -> new int[] {60, 40};
            case 'H' -> new int[] {21, 13};
            default -> null;
        };
    }

    private static int number(String[] parts, int index) {
        if (index >= parts.length) {
            return -1;
        }
        try {
            return (int) Math.round(Double.parseDouble(parts[index].trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
