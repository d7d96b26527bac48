package dev.wedge.routing.reduce;

import dev.wedge.routing.bench.BestKnown;
import dev.wedge.routing.bench.SolomonReader;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.reduce.internal.StringRemovalSearch;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints the routes the minimiser alone reaches on Solomon instances in a given time (not a test). Arguments:
 * corpus folder, seconds, instances (comma-separated), optional shortening seconds, optional hot and cold
 * temperatures of the shortening in average edges.
 */
public final class MinimiserProbe {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        double seconds = Double.parseDouble(args[1]);
        BestKnown bks = BestKnown.solomon(dir.resolve("bks.csv"));
        int extra = 0;
        for (String name : args[2].split(",")) {
            Problem p = SolomonReader.read(dir.resolve(name + ".txt"));
            RouteMinimiser m = new RouteMinimiser(p, EuclideanCosts.solomon());
            long t0 = System.nanoTime();
            List<Route> routes = m.minimise(new RouteMinimiser.Limits(t0 + (long) (seconds * 1e9), Long.MAX_VALUE), 1).orElseThrow();
            int best = bks.of(name).get().vehicles();
            if (args.length > 3) {
                double before = routes.stream().mapToDouble(Route::distance).sum();
                long t1 = System.nanoTime();
                StringRemovalSearch.Cooling cooling = args.length > 5 ? new StringRemovalSearch.Cooling(
                        Double.parseDouble(args[4]), Double.parseDouble(args[5])) : StringRemovalSearch.Cooling.STANDARD;
                routes = m.shorten(routes, new RouteMinimiser.Limits(t1 + (long) (Double.parseDouble(args[3]) * 1e9),
                        Long.MAX_VALUE), 1, cooling);
                System.out.printf("%s shorten %.2f -> %.2f (bk %.2f)%n", name, before,
                        routes.stream().mapToDouble(Route::distance).sum(), bks.of(name).get().distance());
            }
            extra += routes.size() - best;
            System.out.printf("%s %d (bk %d) in %.2f s%n", name, routes.size(), best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.println("extra " + extra);
    }
}
