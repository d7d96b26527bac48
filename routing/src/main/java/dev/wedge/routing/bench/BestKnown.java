package dev.wedge.routing.bench;

import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Best-known results per instance name: vehicles (0 where the reference gives none) and distance. Reads the
 * Solomon {@code bks.csv} (instance, vehicles, distance, ...) and the CVRP {@code optimal.csv} (instance,
 * optimal_cost, proven_optimal, vehicles_k, ...).
 */
public final class BestKnown {
    /** One reference result. */
    public record Entry(String instance, int vehicles, double distance) {
    }

    private final Map<String, Entry> entries;

    private BestKnown(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    public Optional<Entry> of(String instance) {
        return Optional.ofNullable(entries.get(instance));
    }

    /** No reference values at all. */
    public static BestKnown none() {
        return new BestKnown(Map.of());
    }

    public static BestKnown solomon(Path csv) {
        return read(csv, 1, 2);
    }

    public static BestKnown cvrp(Path csv) {
        return read(csv, 3, 1);
    }

    private static BestKnown read(Path csv, int vehiclesColumn, int distanceColumn) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, "Cannot read " + csv + ": " + e.getMessage(), e);
        }
        Map<String, Entry> out = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            if (c.length <= Math.max(vehiclesColumn, distanceColumn)) {
                continue;
            }
            try {
                out.put(c[0], new Entry(c[0], Integer.parseInt(c[vehiclesColumn].trim()), Double.parseDouble(c[distanceColumn].trim())));
            } catch (NumberFormatException e) {
                throw new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, csv + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new BestKnown(out);
    }
}
