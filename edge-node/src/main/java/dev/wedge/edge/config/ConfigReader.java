package dev.wedge.edge.config;

import dev.wedge.edge.dispatch.DispatchSettings;
import dev.wedge.edge.conveyor.ConveyorConfigReader;
import dev.wedge.edge.conveyor.PlcSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an edge node's properties file into an {@link EdgeConfig}, collecting every problem before failing.
 *
 * <p>Devices are configured by logical id: {@code scanner.recv-1.port=/dev/ttyUSB0},
 * {@code printer.dock-1.host=10.1.2.3}. Unknown keys are problems too, so a typo never goes unnoticed.
 */
public final class ConfigReader {

    private static final Pattern DEVICE_KEY = Pattern.compile("(scanner|printer)\\.([A-Za-z0-9_-]+)\\.([A-Za-z]+)");
    private static final Set<String> PLAIN_KEYS = Set.of("node.id", "data.dir", "db.url", "web.host", "web.port",
            "hq.url", "hq.batchSize", "hq.pollMillis", "hq.maxBackoffMillis", "hq.tls.keyStore",
            "hq.tls.keyStorePasswordFile", "hq.tls.trustStore", "hq.tls.trustStorePasswordFile", "hq.tokenFile",
            "gs1.companyPrefix",
            "gs1.extensionDigit", "receiving.location", "receiving.printer", "receiving.shipFrom",
            "handheld.gsSubstitutes", "handheld.duplicateWindowMillis", "handheld.sessionIdleMinutes",
            "handheld.sessionMaxHours", "packing.location", "packing.printer");
    private static final Set<String> SCANNER_KEYS = Set.of("port", "role", "baudRate", "dataBits", "parity", "stopBits");
    private static final Set<String> PRINTER_KEYS = Set.of("host", "port");

    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    private ConfigReader(Map<String, String> values) {
        this.values = values;
    }

    /** Reads a properties file (UTF-8). */
    public static EdgeConfig read(Path file) throws ConfigException {
        return from(load(file));
    }

    /** The key/value pairs of a UTF-8 properties file, values trimmed. */
    static Map<String, String> load(Path file) throws ConfigException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(List.of("configuration file " + file + " does not exist"));
        } catch (IOException e) {
            throw new ConfigException(List.of("cannot read configuration file " + file + ": " + e));
        }
        Map<String, String> map = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k).trim()));
        return map;
    }

    /** Builds the configuration from key/value pairs (the same keys as the file). */
    public static EdgeConfig from(Map<String, String> values) throws ConfigException {
        return new ConfigReader(new TreeMap<>(values)).build();
    }

    private EdgeConfig build() throws ConfigException {
        checkKeys();
        String nodeId = text("node.id", null, "[A-Za-z0-9][A-Za-z0-9_-]{0,31}",
                "be 1-32 letters, digits, '-' or '_', starting with a letter or digit");
        Path dataDir = Path.of(values.getOrDefault("data.dir", "data"));
        String jdbcUrl = values.getOrDefault("db.url",
                "jdbc:derby:" + dataDir.resolve("edge").toAbsolutePath() + ";create=true");
        EdgeConfig.Web web = new EdgeConfig.Web(values.getOrDefault("web.host", "127.0.0.1"),
                integer("web.port", 8080, 0, 65535));
        Optional<EdgeConfig.Hq> hq = hq();
        EdgeConfig.Gs1 gs1 = new EdgeConfig.Gs1(text("gs1.companyPrefix", null, "\\d{6,12}", "be 6 to 12 digits"),
                integer("gs1.extensionDigit", 0, 0, 9));
        List<EdgeConfig.Printer> printers = printers();
        List<EdgeConfig.Scanner> scanners = scanners();
        String printer = text("receiving.printer", printers.isEmpty() ? "" : printers.get(0).id(), null);
        if (!printer.isEmpty() && printers.stream().noneMatch(pr -> pr.id().equals(printer))) {
            problems.add("receiving.printer '" + printer + "' is not a configured printer (printer." + printer + ".host)");
        }
        EdgeConfig.Receiving receiving = new EdgeConfig.Receiving(
                text("receiving.location", "RECEIVING", "[A-Z0-9][A-Z0-9_-]{0,29}",
                        "be 1-30 upper-case letters, digits, '-' or '_'"), printer,
                values.getOrDefault("receiving.shipFrom", ""));
        EdgeConfig.Handheld handheld = handheld(printers, printer);
        DispatchSettings dispatch = DispatchSettings.read(values, problems);
        List<PlcSettings> conveyors = ConveyorConfigReader.read(values, dataDir, nodeId, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new EdgeConfig(nodeId, dataDir, jdbcUrl, web, hq, gs1, receiving, scanners, printers, handheld,
                dispatch, conveyors);
    }

    private EdgeConfig.Handheld handheld(List<EdgeConfig.Printer> printers, String receivingPrinter) {
        List<String> substitutes = new ArrayList<>();
        for (String s : values.getOrDefault("handheld.gsSubstitutes", "{GS}").split(",")) {
            if (!s.isBlank()) {
                substitutes.add(s.trim());
            }
        }
        String printer = text("packing.printer", receivingPrinter, null);
        if (values.containsKey("packing.printer") && !printer.isEmpty()
                && printers.stream().noneMatch(pr -> pr.id().equals(printer))) {
            problems.add("packing.printer '" + printer + "' is not a configured printer (printer." + printer + ".host)");
        }
        Duration idle = Duration.ofMinutes(integer("handheld.sessionIdleMinutes", 30, 1, 24 * 60));
        Duration max = Duration.ofHours(integer("handheld.sessionMaxHours", 12, 1, 24 * 7));
        if (idle.compareTo(max) > 0) {
            problems.add("handheld.sessionIdleMinutes " + idle.toMinutes() + " is longer than handheld.sessionMaxHours "
                    + max.toHours());
        }
        return new EdgeConfig.Handheld(substitutes,
                Duration.ofMillis(integer("handheld.duplicateWindowMillis", 500, 0, 10_000)), idle, max,
                text("packing.location", "PACKING", "[A-Z0-9][A-Z0-9_-]{0,29}"), printer);
    }

    private void checkKeys() {
        for (String key : values.keySet()) {
            Matcher m = DEVICE_KEY.matcher(key);
            if (m.matches()) {
                Set<String> allowed = m.group(1).equals("scanner") ? SCANNER_KEYS : PRINTER_KEYS;
                if (!allowed.contains(m.group(3))) {
                    problems.add("unknown key " + key + " (a " + m.group(1) + " takes " + new TreeSet<>(allowed) + ")");
                }
            } else if (!PLAIN_KEYS.contains(key) && !key.startsWith("dispatch.")
                    && !ConveyorConfigReader.KEY.matcher(key).matches()) {
                problems.add("unknown key " + key);
            }
        }
    }

    private Optional<EdgeConfig.Hq> hq() {
        String url = values.get("hq.url");
        if (url == null || url.isEmpty()) {
            return Optional.empty();
        }
        URI uri = null;
        try {
            uri = new URI(url.endsWith("/") ? url : url + "/");
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                problems.add("hq.url '" + url + "' must start with http:// or https://");
            }
        } catch (URISyntaxException e) {
            problems.add("hq.url '" + url + "' is not a URI: " + e.getReason());
        }
        Optional<TlsFiles> tls = Optional.empty();
        if (uri != null && "https".equals(uri.getScheme())) {
            tls = Optional.of(TlsFiles.read(values, "hq.tls.", false, problems));
        } else if (values.containsKey("hq.tls.keyStore") || values.containsKey("hq.tls.trustStore")) {
            problems.add("hq.tls.* is set but hq.url '" + url + "' is not https://");
        }
        Optional<Path> token = Optional.ofNullable(values.get("hq.tokenFile")).map(Path::of);
        token.filter(t -> !java.nio.file.Files.isReadable(t))
                .ifPresent(t -> problems.add("hq.tokenFile " + t + " is not a readable file"));
        return Optional.of(new EdgeConfig.Hq(uri, integer("hq.batchSize", 200, 1, 10_000),
                Duration.ofMillis(integer("hq.pollMillis", 200, 10, 600_000)),
                Duration.ofMillis(integer("hq.maxBackoffMillis", 5_000, 10, 3_600_000)), tls, token));
    }

    private List<EdgeConfig.Scanner> scanners() {
        List<EdgeConfig.Scanner> result = new ArrayList<>();
        for (String id : deviceIds("scanner")) {
            String prefix = "scanner." + id + ".";
            String port = text(prefix + "port", null, null);
            String role = text(prefix + "role", "receiving", "receiving", "be receiving (the only role so far)");
            String parity = text(prefix + "parity", "NONE", "(?i)NONE|ODD|EVEN|MARK|SPACE",
                    "be one of NONE, ODD, EVEN, MARK, SPACE").toUpperCase(java.util.Locale.ROOT);
            result.add(new EdgeConfig.Scanner(id, role, port, integer(prefix + "baudRate", 9600, 1200, 921_600),
                    integer(prefix + "dataBits", 8, 5, 8), parity, integer(prefix + "stopBits", 1, 1, 2)));
        }
        return result;
    }

    private List<EdgeConfig.Printer> printers() {
        List<EdgeConfig.Printer> result = new ArrayList<>();
        for (String id : deviceIds("printer")) {
            String prefix = "printer." + id + ".";
            result.add(new EdgeConfig.Printer(id, text(prefix + "host", null, null),
                    integer(prefix + "port", 9100, 1, 65535)));
        }
        return result;
    }

    private Set<String> deviceIds(String kind) {
        Set<String> ids = new TreeSet<>();
        for (String key : values.keySet()) {
            Matcher m = DEVICE_KEY.matcher(key);
            if (m.matches() && m.group(1).equals(kind)) {
                ids.add(m.group(2));
            }
        }
        return ids;
    }

    private String text(String key, String fallback, String pattern) {
        return text(key, fallback, pattern, pattern == null ? null : "match " + pattern);
    }

    /** @param rule what a valid value looks like, in words, for the message */
    private String text(String key, String fallback, String pattern, String rule) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            if (fallback == null) {
                problems.add(key + " is required");
                return "";
            }
            return fallback;
        }
        if (pattern != null && !value.matches(pattern)) {
            problems.add(key + " '" + value + "' must " + rule);
        }
        return value;
    }

    private int integer(String key, int fallback, int min, int max) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                problems.add(key + " " + n + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(key + " '" + value + "' is not a whole number");
            return fallback;
        }
    }
}
