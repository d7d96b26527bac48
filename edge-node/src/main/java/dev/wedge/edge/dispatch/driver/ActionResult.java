package dev.wedge.edge.dispatch.driver;

/**
 * The answer to one driver action: applied now, already applied (a resend of a key seen before, answered with
 * the first outcome), or rejected with a code and a sentence. The phone drops the action from its queue for
 * every outcome; only a failed request is retried.
 */
public record ActionResult(String key, Outcome outcome, String code, String detail) {

    /** What became of the action. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        REJECTED,
        /** Taken by HQ and queued for the warehouse, which applies it; its outcome reaches HQ through sync. */
        FORWARDED
    }
}
