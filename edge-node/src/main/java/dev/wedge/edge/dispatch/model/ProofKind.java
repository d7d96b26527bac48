package dev.wedge.edge.dispatch.model;

/** The images a driver can capture as proof of delivery. */
public enum ProofKind {
    SIGNATURE,
    PHOTO
}
