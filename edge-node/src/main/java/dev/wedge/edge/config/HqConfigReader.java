package dev.wedge.edge.config;

import dev.wedge.sync.hq.HqSecurity;
import dev.wedge.sync.hq.HqSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the HQ server's properties file into {@link HqSettings}, reporting every problem together.
 *
 * <p>Transport: {@code hq.transport=mtls} (the default: HTTPS, TLS 1.3, a client certificate per warehouse),
 * {@code token} (bearer tokens, for sites that terminate TLS in front of HQ) or {@code plain} (no security at
 * all, which must be chosen explicitly and is meant for a local demo).
 */
public final class HqConfigReader {

    private static final Set<String> KEYS = Set.of("hq.host", "hq.port", "data.dir", "db.url", "hq.transport",
            "hq.tls.keyStore", "hq.tls.keyStorePasswordFile", "hq.tls.trustStore", "hq.tls.trustStorePasswordFile",
            "hq.tokensFile");

    private HqConfigReader() {
    }

    public static HqSettings read(Path file) throws ConfigException {
        return from(ConfigReader.load(file));
    }

    public static HqSettings from(Map<String, String> values) throws ConfigException {
        List<String> problems = new ArrayList<>();
        values.keySet().stream().filter(k -> !KEYS.contains(k)).sorted().forEach(k -> problems.add("unknown key " + k));
        String host = values.getOrDefault("hq.host", "127.0.0.1");
        int port = 8081;
        try {
            port = Integer.parseInt(values.getOrDefault("hq.port", "8081"));
            if (port < 0 || port > 65535) {
                problems.add("hq.port " + port + " is outside 0..65535");
            }
        } catch (NumberFormatException e) {
            problems.add("hq.port '" + values.get("hq.port") + "' is not a whole number");
        }
        Path dataDir = Path.of(values.getOrDefault("data.dir", "data"));
        String url = values.getOrDefault("db.url", "jdbc:derby:" + dataDir.resolve("hq").toAbsolutePath() + ";create=true");
        if (!url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:postgresql:")) {
            problems.add("db.url '" + url + "' must be a Derby (jdbc:derby:) or PostgreSQL (jdbc:postgresql:) URL");
        }
        String transport = values.getOrDefault("hq.transport", "mtls");
        TlsFiles tls = null;
        Path tokens = null;
        switch (transport) {
            case "mtls" -> tls = TlsFiles.read(values, "hq.tls.", true, problems);
            case "token" -> {
                tokens = Path.of(values.getOrDefault("hq.tokensFile", ""));
                if (!Files.isReadable(tokens)) {
                    problems.add("hq.tokensFile '" + tokens + "' is not a readable file (lines WAREHOUSE=TOKEN)");
                }
                if (values.containsKey("hq.tls.keyStore")) {
                    tls = TlsFiles.read(values, "hq.tls.", true, problems);
                }
            }
            case "plain" -> { }
            default -> problems.add("hq.transport '" + transport + "' must be mtls, token or plain");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        try {
            return new HqSettings(host, port, url, security(transport, tls, tokens));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(List.of("HQ security cannot be set up: " + e.getMessage()));
        }
    }

    private static HqSecurity security(String transport, TlsFiles tls, Path tokens) throws IOException {
        return switch (transport) {
            case "mtls" -> HqSecurity.mutualTls(tls.context());
            case "token" -> {
                HqSecurity byToken = HqSecurity.tokens(tokens(tokens));
                yield tls == null ? byToken : new HqSecurity(HqSecurity.Transport.TOKEN, tls.context(),
                        byToken.tokensByWarehouse());
            }
            default -> HqSecurity.plainHttp();
        };
    }

    private static Map<String, String> tokens(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
        return m;
    }
}
