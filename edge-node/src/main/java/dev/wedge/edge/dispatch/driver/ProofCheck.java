package dev.wedge.edge.dispatch.driver;

import dev.wedge.edge.dispatch.model.DispatchErrorCode;
import dev.wedge.edge.dispatch.model.DispatchException;
import dev.wedge.edge.dispatch.model.Ids;
import dev.wedge.edge.dispatch.model.ProofKind;
import dev.wedge.edge.dispatch.model.ProofPolicy;
import dev.wedge.edge.dispatch.model.ProofRule;
import dev.wedge.edge.dispatch.store.JdbcProofStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the proof of one delivery against the customer's policy: decodes the signature and photo images,
 * checks every scanned SSCC belongs to the stop, refuses what a REQUIRED rule misses and lists what a WARNED
 * rule misses.
 */
final class ProofCheck {
    private static final Pattern DATA_URL = Pattern.compile("data:(image/(?:png|jpeg|webp));base64,([A-Za-z0-9+/=]+)");
    private static final int MAX_IMAGE_BYTES = 8 * 1024 * 1024;

    /** The checked proof: images to store, SSCCs to mark scanned, warnings for the supervisor. */
    record Checked(List<JdbcProofStore.Proof> images, List<String> scanned, List<String> warnings) {
    }

    private ProofCheck() {
    }

    static Checked check(DriverAction a, String stopId, ProofPolicy policy, List<String> packages) {
        List<String> warnings = new ArrayList<>();
        List<JdbcProofStore.Proof> images = new ArrayList<>();
        image(a.signature(), stopId, ProofKind.SIGNATURE, a.at()).ifPresent(images::add);
        image(a.photo(), stopId, ProofKind.PHOTO, a.at()).ifPresent(images::add);
        rule(policy.signature(), a.signature().isPresent(), "signature", stopId, warnings);
        rule(policy.photo(), a.photo().isPresent(), "photo", stopId, warnings);
        Set<String> scanned = new LinkedHashSet<>();
        for (String raw : a.ssccs()) {
            String sscc = Ids.requireSscc(Ids.normalise(raw), "scanned package");
            if (!packages.contains(sscc)) {
                throw new DispatchException(DispatchErrorCode.PROOF_MISSING, "Package " + sscc
                        + " is not one of stop " + stopId + "'s packages " + packages);
            }
            scanned.add(sscc);
        }
        List<String> missing = packages.stream().filter(p -> !scanned.contains(p)).toList();
        rule(policy.sscc(), missing.isEmpty(), "scan of package(s) " + missing, stopId, warnings);
        return new Checked(images, List.copyOf(scanned), warnings);
    }

    private static void rule(ProofRule rule, boolean present, String what, String stopId, List<String> warnings) {
        if (present) {
            return;
        }
        if (rule == ProofRule.REQUIRED) {
            throw new DispatchException(DispatchErrorCode.PROOF_MISSING, "Stop " + stopId + " requires a " + what);
        }
        if (rule == ProofRule.WARNED) {
            warnings.add("no " + what);
        }
    }

    private static Optional<JdbcProofStore.Proof> image(Optional<String> dataUrl, String stopId, ProofKind kind,
                                                        Instant at) {
        if (dataUrl.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = DATA_URL.matcher(dataUrl.get());
        if (!m.matches()) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The " + kind.name().toLowerCase()
                    + " of stop " + stopId + " is not a base64 PNG, JPEG or WebP data URL");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The " + kind.name().toLowerCase()
                    + " of stop " + stopId + " is not valid base64");
        }
        if (bytes.length == 0 || bytes.length > MAX_IMAGE_BYTES) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The " + kind.name().toLowerCase()
                    + " of stop " + stopId + " has " + bytes.length + " bytes, expected 1.." + MAX_IMAGE_BYTES);
        }
        if (!looksLike(m.group(1), bytes)) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "The " + kind.name().toLowerCase()
                    + " of stop " + stopId + " claims to be " + m.group(1) + " but is not a PNG, JPEG or WebP image");
        }
        return Optional.of(new JdbcProofStore.Proof(stopId, kind, m.group(1), bytes, sha256(bytes), at));
    }

    /**
     * Whether the bytes start as the declared image type does. The proof is served back with that type, so text
     * or a script claiming to be a PNG must not get in.
     */
    static boolean looksLike(String contentType, byte[] b) {
        return switch (contentType) {
            case "image/png" -> startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "image/jpeg" -> startsWith(b, 0, 0xFF, 0xD8, 0xFF);
            case "image/webp" -> startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P');
            default -> false;
        };
    }

    private static boolean startsWith(byte[] b, int offset, int... magic) {
        if (b.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
