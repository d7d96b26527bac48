package dev.wedge.routing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the benchmark files copied into the test resources (see their SOURCE.md). */
public final class Corpus {
    private Corpus() {
    }

    public static Path solomon(String name) {
        return resource("corpus/solomon/" + name);
    }

    public static Path cvrp(String name) {
        return resource("corpus/cvrp/" + name);
    }

    private static Path resource(String path) {
        try {
            return Path.of(Corpus.class.getClassLoader().getResource(path).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Missing test resource " + path, e);
        }
    }
}
