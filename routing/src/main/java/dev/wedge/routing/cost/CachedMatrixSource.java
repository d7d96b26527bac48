package dev.wedge.routing.cost;

import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Travel matrices from a routing service, kept on disk so that planning works while the network is down. The
 * cache key is the service, profile and the exact list of places with their coordinates. A cached matrix is used
 * without asking the service; {@link #refresh} asks first and falls back to the cache when the service fails.
 */
public final class CachedMatrixSource {
    private final OsrmTableClient client;
    private final Path directory;

    public CachedMatrixSource(OsrmTableClient client, Path directory) {
        this.client = Objects.requireNonNull(client, "client");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The cached matrix for these places, or a fetched one (then cached). */
    public TravelMatrix matrix(List<Place> places) {
        Path file = cacheFile(places);
        if (Files.isRegularFile(file)) {
            return CsvMatrixReader.read(file);
        }
        return fetchAndStore(places, file);
    }

    /** A fresh matrix from the service, or the cached one if the service cannot be reached. */
    public TravelMatrix refresh(List<Place> places) {
        Path file = cacheFile(places);
        try {
            return fetchAndStore(places, file);
        } catch (RoutingException e) {
            if (e.code() == RoutingErrorCode.TRAVEL_COST_SERVICE_UNAVAILABLE && Files.isRegularFile(file)) {
                return CsvMatrixReader.read(file);
            }
            throw e;
        }
    }

    /** Every distinct place of a problem (depots first), the list to ask a matrix for. */
    public static List<Place> placesOf(Problem problem) {
        Map<String, Place> unique = new LinkedHashMap<>();
        problem.depots().forEach(d -> unique.putIfAbsent(d.place().id(), d.place()));
        problem.allStops().forEach(s -> unique.putIfAbsent(s.place().id(), s.place()));
        return List.copyOf(unique.values());
    }

    private TravelMatrix fetchAndStore(List<Place> places, Path file) {
        TravelMatrix m = client.fetch(places);
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, "matrix", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                CsvMatrixReader.write(m, w);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, "Cannot write matrix cache in " + directory
                    + ": " + e.getMessage(), e);
        }
        return m;
    }

    private Path cacheFile(List<Place> places) {
        StringBuilder key = new StringBuilder(client.describe());
        for (Place p : places) {
            key.append('|').append(p.id()).append(String.format(Locale.ROOT, "@%.6f,%.6f", p.x(), p.y()));
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash, 0, 16) + ".csv");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
