package dev.wedge.scanner.gs1;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

    /**
     * The date for the AIs whose value starts with a YYMMDD date (11, 13, 15, 16, 17, 7006, ...): the century by
     * the GS1 sliding window, and a day of 00 read as the last day of the month where the AI allows it.
     */
    public Optional<LocalDate> dateValue() {
        AiDefinition def = AiDictionary.standard().lookup(ai).orElse(null);
        if (def == null || value.length() < 6) {
            return Optional.empty();
        }
        List<String> linters = def.components().get(0).linters();
        if (!linters.contains("yymmdd") && !linters.contains("yymmd0")) {
            return Optional.empty();
        }
        try {
            return Optional.of(DateRules.toDate(value.substring(0, 6), LocalDate.now().getYear()));
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
