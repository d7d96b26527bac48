package dev.wedge.edge.dispatch.notify;

import java.io.IOException;

/**
 * The SMTP relay refused the recipient with a permanent (5xx) reply, such as 550 "no such user": sending the
 * same message again cannot succeed, unlike a temporary (4xx) refusal or a relay that is down.
 */
public final class RecipientRefusedException extends IOException {
    public RecipientRefusedException(String message) {
        super(message);
    }
}
