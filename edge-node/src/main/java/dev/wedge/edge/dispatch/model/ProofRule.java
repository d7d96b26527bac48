package dev.wedge.edge.dispatch.model;

/** How a customer wants one kind of proof of delivery. */
public enum ProofRule {
    /** A delivery without it is refused. */
    REQUIRED,
    /** Taken when the driver can; nothing happens without it. */
    OPTIONAL,
    /** The delivery goes through without it, and the stop carries a warning for the supervisor. */
    WARNED
}
