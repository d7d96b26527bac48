package dev.wedge.scanner.gs1;

/**
 * GS1 data that cannot be accepted. Permanent: the same input always fails the same way, so callers report it
 * (to the picker, in a problem response) rather than retry.
 *
 * <p>{@link #ai()} is the Application Identifier concerned, or {@code null} when the failure is not inside an
 * element (empty input, unknown symbology). {@link #position()} is the zero-based offset in the input as given
 * (including any symbology identifier) where the problem starts.
 */
public final class Gs1SyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Gs1Error code;
    private final String ai;
    private final int position;
    private final LintError lintError;

    public Gs1SyntaxException(Gs1Error code, String ai, int position, String detail) {
        this(code, ai, position, detail, null);
    }

    /** A failure of one content rule, keeping which rule's outcome it was. */
    public Gs1SyntaxException(Gs1Error code, String ai, int position, String detail, LintError lintError) {
        super(describe(code, ai, position, detail));
        this.code = code;
        this.ai = ai;
        this.position = position;
        this.lintError = lintError;
    }

    /** The content-rule outcome behind this error, when a rule (or a character set check) failed; else null. */
    public LintError lintError() {
        return lintError;
    }

    private static String describe(Gs1Error code, String ai, int position, String detail) {
        String where = ai == null ? "at position " + position : "in AI (" + ai + ") at position " + position;
        return code + " " + where + ": " + detail;
    }

    public Gs1Error code() {
        return code;
    }

    /** The AI concerned, or {@code null}. */
    public String ai() {
        return ai;
    }

    /** Zero-based offset into the input where the problem starts. */
    public int position() {
        return position;
    }
}
