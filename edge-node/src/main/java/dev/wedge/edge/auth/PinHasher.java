package dev.wedge.edge.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 hashing of PINs and passwords with a random salt per user. Only the hash, the salt and
 * the iteration count are stored; comparison is constant-time.
 */
public final class PinHasher {

    /** A stored hash. */
    public record Hash(String hash, String salt, int iterations) {
    }

    public static final int DEFAULT_ITERATIONS = 120_000;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public PinHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** @param iterations PBKDF2 rounds for new hashes; verification uses each hash's own count */
    public PinHasher(int iterations) {
        if (iterations < 1_000) {
            throw new IllegalArgumentException("PBKDF2 needs at least 1000 iterations, got " + iterations);
        }
        this.iterations = iterations;
    }

    public Hash hash(char[] pin) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new Hash(Base64.getEncoder().encodeToString(derive(pin, salt, iterations)),
                Base64.getEncoder().encodeToString(salt), iterations);
    }

    public boolean matches(char[] pin, Hash stored) {
        byte[] expected = Base64.getDecoder().decode(stored.hash());
        byte[] actual = derive(pin, Base64.getDecoder().decode(stored.salt()), stored.iterations());
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
