package dev.wedge.scanner.gs1;

import java.util.List;
import java.util.Optional;

/**
 * A parsed GS1 element string: the AIs and values in the order they were encoded.
 *
 * @param elements at least one element
 */
public record ElementString(List<AiElement> elements) {

    /** The GS (ASCII 29) character that stands for FNC1 between elements. */
    public static final char GS = '\u001D';

    public ElementString {
        if (elements == null || elements.isEmpty()) {
            throw new IllegalArgumentException("an element string needs at least one element");
        }
        elements = List.copyOf(elements);
    }

    /** The value of the first element with this AI. */
    public Optional<String> first(String ai) {
        for (AiElement e : elements) {
            if (e.ai().equals(ai)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The human-readable bracketed form, e.g. {@code (01)09521234543213(10)ABC}. A '(' inside a value is written
     * {@code \(} so that the form parses back to the same elements.
     */
    public String bracketed() {
        StringBuilder sb = new StringBuilder();
        for (AiElement e : elements) {
            sb.append('(').append(e.ai()).append(')').append(e.value().replace("(", "\\("));
        }
        return sb.toString();
    }

    /**
     * The data as a barcode carries it after the leading FNC1: elements concatenated, with a GS after every
     * element whose AI is not of pre-defined length, except the last.
     */
    public String fnc1Data() {
        AiDictionary dictionary = AiDictionary.standard();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            AiElement e = elements.get(i);
            sb.append(e.ai()).append(e.value());
            boolean predefined = dictionary.lookup(e.ai()).map(AiDefinition::predefinedLength).orElse(false);
            if (!predefined && i < elements.size() - 1) {
                sb.append(GS);
            }
        }
        return sb.toString();
    }

    /** The GS1 Digital Link URI under the canonical stem {@code https://id.gs1.org}. */
    public String digitalLinkUri() {
        return digitalLinkUri("https://id.gs1.org");
    }

    /**
     * The GS1 Digital Link URI under {@code stem} (e.g. "https://id.example.com"): the first Digital Link key in the
     * path with its qualifiers in a permitted order, every other AI as a query attribute.
     *
     * @throws Gs1SyntaxException (BAD_DIGITAL_LINK) when there is no key, or an AI may not be a data attribute
     */
    public String digitalLinkUri(String stem) {
        return digitalLinkUri(stem, Gs1Options.strict());
    }

    /** As {@link #digitalLinkUri(String)}, with the options that decide whether unknown AIs may be attributes. */
    public String digitalLinkUri(String stem, Gs1Options options) {
        if (stem == null || !DigitalLink.looksLikeUri(stem)) {
            throw new IllegalArgumentException("Digital Link stem '" + stem + "' must start with http:// or https://");
        }
        return DigitalLink.format(elements, stem, AiDictionary.standard(), options);
    }
}
