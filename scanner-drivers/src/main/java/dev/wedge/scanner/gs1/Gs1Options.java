package dev.wedge.scanner.gs1;

/**
 * How strictly {@link Gs1Parser} reads. {@link #strict()} is what Wedge uses for scans; the other switches exist
 * for data from systems that follow the GS1 reference engine's more tolerant defaults.
 *
 * @param tolerateRedundantSeparators accept a GS after a pre-defined-length AI, doubled, or at the end
 * @param validateAssociations        apply the dictionary's req=/ex= rules and the repeat rule to the whole string
 * @param permitUnknownAis            accept AIs that are not in the dictionary in the bracketed form and in
 *                                    Digital Link URIs (as CSET 82 values of 1 to 90 characters)
 * @param unknownAiAsDlAttribute      with {@code permitUnknownAis}, also accept unknown AIs as Digital Link query
 *                                    attributes
 * @param permitZeroSuppressedGtin    accept GTIN-8, -12 and -13 in Digital Link URIs, padding them to 14 digits
 */
public record Gs1Options(boolean tolerateRedundantSeparators, boolean validateAssociations, boolean permitUnknownAis,
                         boolean unknownAiAsDlAttribute, boolean permitZeroSuppressedGtin) {

    /** Wedge's default: redundant separators are errors, associations are validated, unknown AIs refused. */
    public static Gs1Options strict() {
        return new Gs1Options(false, true, false, false, false);
    }

    public Gs1Options withTolerateRedundantSeparators(boolean on) {
        return new Gs1Options(on, validateAssociations, permitUnknownAis, unknownAiAsDlAttribute, permitZeroSuppressedGtin);
    }

    public Gs1Options withValidateAssociations(boolean on) {
        return new Gs1Options(tolerateRedundantSeparators, on, permitUnknownAis, unknownAiAsDlAttribute, permitZeroSuppressedGtin);
    }

    public Gs1Options withPermitUnknownAis(boolean on) {
        return new Gs1Options(tolerateRedundantSeparators, validateAssociations, on, unknownAiAsDlAttribute, permitZeroSuppressedGtin);
    }

    public Gs1Options withUnknownAiAsDlAttribute(boolean on) {
        return new Gs1Options(tolerateRedundantSeparators, validateAssociations, permitUnknownAis, on, permitZeroSuppressedGtin);
    }

    public Gs1Options withPermitZeroSuppressedGtin(boolean on) {
        return new Gs1Options(tolerateRedundantSeparators, validateAssociations, permitUnknownAis, unknownAiAsDlAttribute, on);
    }
}
