package dev.wedge.label.model;

/** Range checks shared by label elements: millimetres on a label no longer than 4 metres. */
final class Geometry {

    private static final double MAX_MM = 4000;

    private Geometry() {
    }

    static void position(double x, double y, String what) {
        if (!(x >= 0 && x <= MAX_MM && y >= 0 && y <= MAX_MM)) {
            throw new IllegalArgumentException(what + " position " + x + "," + y + " mm is off the label");
        }
    }

    static void size(double value, String what) {
        if (!(value > 0 && value <= MAX_MM)) {
            throw new IllegalArgumentException(what + " " + value + " mm is not positive and at most " + MAX_MM);
        }
    }
}
