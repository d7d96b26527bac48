package dev.wedge.edge.dispatch.track;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Tracking tokens: 128 random bits from {@link SecureRandom}, base64url without padding (22 characters), so a
 * link cannot be guessed from another one or from the stop id. Thread-safe.
 */
public final class TrackingTokens {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether the text has the shape of a token (checked before any lookup). */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }
}
