package dev.wedge.edge.receiving;

/** A receiving scan was refused; permanent (rescanning the same data gives the same answer). */
public final class ScanRejectedException extends Exception {

    private final RejectionCode code;

    public ScanRejectedException(RejectionCode code, String reason) {
        super(reason);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
