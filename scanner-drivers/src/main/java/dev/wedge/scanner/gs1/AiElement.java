package dev.wedge.scanner.gs1;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One element of a GS1 element string: an Application Identifier and its value.
 *
 * @param ai    the AI digits, e.g. "01", "3103"
 * @param value the data field as encoded (a GTIN keeps its 14 digits, a weight its 6 digits)
 * @param title the dictionary title, e.g. "GTIN", "BATCH/LOT", "NET WEIGHT (kg)"
 */
public record AiElement(String ai, String value, String title) {

    public AiElement {
        if (!AiDefinition.isAiShape(ai)) {
            throw new IllegalArgumentException("AI '" + ai + "' is not 2 to 4 digits");
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("AI (" + ai + ") needs a non-empty value");
        }
        title = title == null ? "" : title;
    }

    /** An element titled from the standard dictionary (no validation of the value). */
    public static AiElement of(String ai, String value) {
        String title = AiDictionary.standard().lookup(ai).map(AiDefinition::title).orElse("");
        return new AiElement(ai, value, title);
    }

    /**
     * The value as a number for the AIs that carry implied decimals (310n-369n: n decimals of a 6-digit measure;
     * 390n-395n: n decimals of an amount or price, after the currency code for 391n and 393n).
     */
    public Optional<BigDecimal> decimalValue() {
        int decimals = AiDictionary.standard().lookup(ai).map(AiDefinition::impliedDecimals).orElse(-1);
        if (decimals < 0) {
            return Optional.empty();
        }
        String digits = ai.startsWith("391") || ai.startsWith("393") ? value.substring(Math.min(3, value.length())) : value;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(new java.math.BigInteger(digits), decimals));
    }
}
