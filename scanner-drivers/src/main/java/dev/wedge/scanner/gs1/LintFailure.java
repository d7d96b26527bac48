package dev.wedge.scanner.gs1;

/**
 * A component that failed one content rule of the syntax dictionary.
 *
 * @param error the rule's outcome
 * @param start offset of the first bad character within the component
 * @param end   offset just past the last bad character
 */
public record LintFailure(LintError error, int start, int end) {

    public LintFailure {
        if (error == null) {
            throw new IllegalArgumentException("a lint failure needs an error");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("lint failure span " + start + ".." + end + " is not a valid range");
        }
    }
}
