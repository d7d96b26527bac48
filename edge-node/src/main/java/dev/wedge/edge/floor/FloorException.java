package dev.wedge.edge.floor;

/**
 * A request the floor refuses: a wrong scan, an unknown id, a state that does not allow the action. Permanent
 * (repeating the same request gets the same answer); the message says what was expected, in words a picker
 * can act on. Nothing was changed when this is thrown.
 */
public final class FloorException extends Exception {

    private final FloorError error;

    public FloorException(FloorError error, String message) {
        super(message);
        this.error = error;
    }

    public FloorError error() {
        return error;
    }

    public static FloorException notFound(String what) {
        return new FloorException(FloorError.NOT_FOUND, what + " does not exist");
    }

    public static FloorException invalid(String message) {
        return new FloorException(FloorError.INVALID_REQUEST, message);
    }
}
