package dev.wedge.edge.conveyor;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code conveyor.<plcId>.*} keys of an edge node's configuration into {@link PlcSettings}, adding
 * every problem to the caller's list (the caller reports them all together).
 *
 * <pre>
 * conveyor.sorter-1.endpoint=opc.tcp://10.1.4.20:4840/sorter
 * conveyor.sorter-1.securityPolicy=Basic256Sha256
 * conveyor.sorter-1.keyStore=/etc/wedge/pki/edge.p12
 * conveyor.sorter-1.rule.1.carrier=DHL
 * conveyor.sorter-1.rule.1.lane=2
 * </pre>
 */
public final class ConveyorConfigReader {

    /** Matches every key this reader owns. */
    public static final Pattern KEY = Pattern.compile("conveyor\\.([A-Za-z0-9_-]+)\\.(.+)");
    private static final Pattern RULE = Pattern.compile("rule\\.(\\d{1,3})\\.(lane|route|dockDoor|carrier|destination)");
    /**
     * The publishing interval asked for when none is configured: the longest wait a scan has before the PLC sends
     * it, so it bounds the tail of scan-to-divert (see docs/conveyor-opcua.md, "Timing").
     */
    public static final int DEFAULT_PUBLISHING_MILLIS = 2;

    private static final Set<String> KEYS = Set.of("endpoint", "discoveryEndpoint", "samplingMillis",
            "publishingMillis", "budgetMillis", "securityPolicy", "insecureForLab", "keyStore", "keyStorePassword",
            "keyAlias", "applicationUri", "trustDir", "username", "password", "lanes", "defaultLane", "rejectLane");
    private static final int MAX_ID = 40;
    private static final Set<String> SECURE = Set.of("Basic256Sha256", "Aes256_Sha256_RsaPss", "Aes128_Sha256_RsaOaep");
    private static final Set<String> INSECURE = Set.of("None", "Basic128Rsa15", "Basic256");

    private final Map<String, String> values;
    private final List<String> problems;

    private ConveyorConfigReader(Map<String, String> values, List<String> problems) {
        this.values = values;
        this.problems = problems;
    }

    /**
     * @param values   every configuration key and value
     * @param dataDir  the node's data folder (default home of the PKI files)
     * @param nodeId   the node id (default application URI)
     * @param problems where problems are added
     */
    public static List<PlcSettings> read(Map<String, String> values, Path dataDir, String nodeId,
                                         List<String> problems) {
        return new ConveyorConfigReader(values, problems).plcs(dataDir, nodeId);
    }

    private List<PlcSettings> plcs(Path dataDir, String nodeId) {
        Map<String, Map<String, String>> byPlc = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            Matcher m = KEY.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            if (!KEYS.contains(m.group(2)) && !RULE.matcher(m.group(2)).matches()) {
                problems.add("unknown key " + e.getKey() + " (a conveyor takes " + new TreeSet<>(KEYS)
                        + " and rule.<n>.lane|route|dockDoor|carrier|destination)");
                continue;
            }
            byPlc.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(m.group(2), e.getValue());
        }
        List<PlcSettings> result = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> plc : byPlc.entrySet()) {
            int before = problems.size();
            PlcSettings s = plc(plc.getKey(), plc.getValue(), dataDir, nodeId);
            if (problems.size() == before && s != null) {
                result.add(s);
            }
        }
        return result;
    }

    private PlcSettings plc(String id, Map<String, String> v, Path dataDir, String nodeId) {
        String p = "conveyor." + id + ".";
        int before = problems.size();
        if (id.length() > MAX_ID) {
            // The decision log and the line states store the id in a VARCHAR(40).
            problems.add("conveyor." + id + ": a PLC id has at most " + MAX_ID + " characters, this one has "
                    + id.length());
        }
        URI endpoint = uri(p + "endpoint", v.get("endpoint"));
        URI discovery = v.containsKey("discoveryEndpoint") ? uri(p + "discoveryEndpoint", v.get("discoveryEndpoint"))
                : endpoint;
        String policy = v.getOrDefault("securityPolicy", "Basic256Sha256");
        boolean lab = bool(p + "insecureForLab", v.get("insecureForLab"));
        if (!SECURE.contains(policy) && !INSECURE.contains(policy)) {
            problems.add(p + "securityPolicy '" + policy + "' is not one of " + new TreeSet<>(SECURE));
        } else if (INSECURE.contains(policy) && !lab) {
            problems.add(p + "securityPolicy " + policy + " is refused: it is unencrypted or deprecated; use "
                    + "Basic256Sha256 or Aes256_Sha256_RsaPss (or set " + p + "insecureForLab=true on a lab bench)");
        }
        Path pki = dataDir.resolve("pki");
        PlcSettings.PlcSecurity security = new PlcSettings.PlcSecurity(policy, lab,
                Path.of(v.getOrDefault("keyStore", pki.resolve("edge.p12").toString())),
                v.getOrDefault("keyStorePassword", ""), v.getOrDefault("keyAlias", "wedge"),
                v.getOrDefault("applicationUri", "urn:wedge:edge:" + nodeId),
                Path.of(v.getOrDefault("trustDir", pki.toString())), Optional.ofNullable(v.get("username")),
                v.getOrDefault("password", ""));
        if (security.username().isPresent() && security.password().isEmpty()) {
            problems.add(p + "password is required with " + p + "username");
        }
        int lanes = integer(p + "lanes", v.get("lanes"), 8, 1, 64);
        int defaultLane = lane(p + "defaultLane", v.get("defaultLane"), lanes, lanes);
        int rejectLane = lane(p + "rejectLane", v.get("rejectLane"), defaultLane, lanes);
        List<LaneRule> rules = rules(p, v, lanes);
        Duration sampling = Duration.ofMillis(integer(p + "samplingMillis", v.get("samplingMillis"), 0, 0, 10_000));
        Duration publishing = Duration.ofMillis(integer(p + "publishingMillis", v.get("publishingMillis"), DEFAULT_PUBLISHING_MILLIS, 1,
                10_000));
        Duration budget = Duration.ofMillis(integer(p + "budgetMillis", v.get("budgetMillis"), 25, 1, 10_000));
        if (endpoint == null || discovery == null || problems.size() > before) {
            return null;
        }
        try {
            return new PlcSettings(id, endpoint, discovery, sampling, publishing, budget, security, lanes,
                    defaultLane, rejectLane, rules);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private List<LaneRule> rules(String p, Map<String, String> v, int lanes) {
        Map<Integer, Map<String, String>> byIndex = new TreeMap<>();
        v.forEach((k, value) -> {
            Matcher m = RULE.matcher(k);
            if (m.matches()) {
                byIndex.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new TreeMap<>()).put(m.group(2), value);
            }
        });
        List<LaneRule> rules = new ArrayList<>();
        Map<LaneRule, Integer> numbers = new IdentityHashMap<>();
        byIndex.forEach((i, r) -> {
            String key = p + "rule." + i + ".lane";
            r.forEach((criterion, value) -> {
                if (!"lane".equals(criterion) && value.isBlank()) {
                    problems.add(p + "rule." + i + "." + criterion + " is empty: leave it out to match any "
                            + criterion);
                }
            });
            if (!r.containsKey("lane")) {
                problems.add(key + " is required");
                return;
            }
            int lane = lane(key, r.get("lane"), 1, lanes);
            LaneRule rule = new LaneRule(lane, opt(r, "route"), opt(r, "dockDoor"), opt(r, "carrier"),
                    opt(r, "destination"));
            rules.stream().filter(earlier -> earlier.takesEveryParcelOf(rule)).findFirst().ifPresent(earlier ->
                    problems.add(p + "rule." + i + " can never match: rule." + numbers.get(earlier)
                            + " comes first and takes every parcel it would (first match wins)"));
            numbers.put(rule, i);
            rules.add(rule);
        });
        return rules;
    }

    /** A lane number: a whole number from 1 to the sorter's lane count. */
    private int lane(String key, String value, int fallback, int lanes) {
        int before = problems.size();
        int n = integer(key, value, fallback, 1, 64);
        if (problems.size() == before && n > lanes) {
            problems.add(key + " " + n + " names lane " + n + " but the sorter has " + lanes + " lanes");
        }
        return n;
    }

    private boolean bool(String key, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String t = value.trim();
        if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
            problems.add(key + " '" + value + "' must be true or false");
            return false;
        }
        return Boolean.parseBoolean(t);
    }

    private static Optional<String> opt(Map<String, String> r, String k) {
        return Optional.ofNullable(r.get(k));
    }

    private URI uri(String key, String value) {
        if (value == null || value.isBlank()) {
            problems.add(key + " is required");
            return null;
        }
        try {
            URI u = new URI(value);
            if (!"opc.tcp".equals(u.getScheme()) || u.getHost() == null) {
                problems.add(key + " '" + value + "' must look like opc.tcp://host:port/path");
                return null;
            }
            return u;
        } catch (URISyntaxException e) {
            problems.add(key + " '" + value + "' is not a URI: " + e.getReason());
            return null;
        }
    }

    private int integer(String key, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
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
