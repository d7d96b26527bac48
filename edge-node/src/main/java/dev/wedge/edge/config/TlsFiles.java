package dev.wedge.edge.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import dev.wedge.sync.tls.TlsContexts;

/**
 * PKCS#12 key and trust stores for sync over TLS, with their passwords in separate files (so a configuration
 * file can be shared without its secrets).
 *
 * @param keyStore               own key and certificate; null for a side that only trusts
 * @param keyStorePasswordFile   file whose first line is the key store password
 * @param trustStore             the CA certificates to trust for the peer
 * @param trustStorePasswordFile file whose first line is the trust store password
 */
public record TlsFiles(Path keyStore, Path keyStorePasswordFile, Path trustStore, Path trustStorePasswordFile) {

    /** Reads {@code <prefix>keyStore}, {@code ...keyStorePasswordFile}, {@code ...trustStore}, {@code ...trustStorePasswordFile}. */
    static TlsFiles read(Map<String, String> values, String prefix, boolean keyRequired, List<String> problems) {
        Path key = file(values, prefix + "keyStore", keyRequired, problems);
        Path keyPass = key == null ? null : file(values, prefix + "keyStorePasswordFile", true, problems);
        Path trust = file(values, prefix + "trustStore", true, problems);
        Path trustPass = file(values, prefix + "trustStorePasswordFile", true, problems);
        return new TlsFiles(key, keyPass, trust, trustPass);
    }

    private static Path file(Map<String, String> values, String key, boolean required, List<String> problems) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            if (required) {
                problems.add(key + " is required");
            }
            return null;
        }
        Path p = Path.of(v.trim());
        if (!Files.isReadable(p)) {
            problems.add(key + " " + p + " is not a readable file");
        }
        return p;
    }

    /** Loads the stores into a TLS 1.3 context. */
    public SSLContext context() throws IOException {
        return TlsContexts.fromPkcs12(keyStore, keyStore == null ? null : password(keyStorePasswordFile), trustStore,
                password(trustStorePasswordFile));
    }

    static char[] password(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.isEmpty() ? new char[0] : lines.get(0).strip().toCharArray();
    }
}
