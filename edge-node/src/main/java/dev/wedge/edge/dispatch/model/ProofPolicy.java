package dev.wedge.edge.dispatch.model;

import java.util.Objects;

/** A customer's rules for the three kinds of proof: a drawn signature, a photo, and a scan of each package's SSCC. */
public record ProofPolicy(ProofRule signature, ProofRule photo, ProofRule sscc) {
    public ProofPolicy {
        Objects.requireNonNull(signature, "signature rule");
        Objects.requireNonNull(photo, "photo rule");
        Objects.requireNonNull(sscc, "sscc rule");
    }

    /** Signature and package scans required, photo optional: the usual business customer. */
    public static ProofPolicy standard() {
        return new ProofPolicy(ProofRule.REQUIRED, ProofRule.OPTIONAL, ProofRule.REQUIRED);
    }
}
