package dev.wedge.routing.jsprit;

import dev.wedge.routing.bench.BenchmarkRunner;
import dev.wedge.routing.bench.BestKnown;
import dev.wedge.routing.bench.InstanceResult;
import dev.wedge.routing.bench.SolomonReader;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.reduce.internal.StringRemovalSearch;
import dev.wedge.routing.solve.SolveOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A/B of the route-minimisation share on a few Solomon instances, interleaved per instance so both sides see the
 * same machine load (not a test). Arguments: corpus folder, seconds, instances (comma-separated), shares
 * (comma-separated MINIMISE/SEARCH_UNTIL/SHORTEN_UNTIL, 0 = off; SEARCH_UNTIL equal to MINIMISE leaves jsprit
 * out; MINIMISE/SHORTEN_UNTIL puts jsprit's end half-way), each optionally followed by the shortening's tuning
 * {@code :HOT:COLD[:REMOVED[:x]]} (temperatures in average edges, mean stops per ruin, x = threads swap their best
 * plan half-way), optional seed.
 */
public final class MinimiserBench {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String[] names = args[2].split(",");
        String[] shares = args[3].split(",");
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 1;
        BestKnown bks = BestKnown.solomon(dir.resolve("bks.csv"));
        int[] extra = new int[shares.length];
        double[] gap = new double[shares.length];
        for (String name : names) {
            Problem p = SolomonReader.read(dir.resolve(name + ".txt"));
            StringBuilder line = new StringBuilder(name);
            for (int k = 0; k < shares.length; k++) {
                String[] parts = shares[k].split(":");
                String[] share = parts[0].split("/");
                double minimise = Double.parseDouble(share[0]);
                double shorten = share.length > 1 ? Double.parseDouble(share[share.length - 1]) : 0;
                double search = share.length > 2 ? Double.parseDouble(share[1]) : Math.max(minimise, (minimise + shorten) / 2);
                JspritRouteSolver solver = new JspritRouteSolver(JspritRun.Profile.standard(), minimise, search, shorten,
                        tuning(parts));
                InstanceResult r = BenchmarkRunner.run("wedge", solver, p, EuclideanCosts.solomon(),
                        SolveOptions.forTime(Duration.ofSeconds(seconds), seed), bks.of(p.name()));
                extra[k] += (int) (r.plan().vehicles() - r.bestKnown().get().vehicles());
                gap[k] += r.distanceGapPercent();
                line.append(String.format("  [%s] %d/%d %.2f (%.2f%%) v=%d", shares[k], r.plan().vehicles(),
                        r.bestKnown().get().vehicles(), r.plan().distance(), r.distanceGapPercent(), r.violations()));
            }
            line.append(String.format("  load %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            System.out.println(line);
        }
        for (int k = 0; k < shares.length; k++) {
            System.out.printf("share %s: extra vehicles %d, mean gap %.2f%%%n", shares[k], extra[k], gap[k] / names.length);
        }
    }

    private static FleetReduction.Tuning tuning(String[] parts) {
        if (parts.length < 3) {
            return FleetReduction.Tuning.STANDARD;
        }
        StringRemovalSearch.Cooling cooling = new StringRemovalSearch.Cooling(Double.parseDouble(parts[1]),
                Double.parseDouble(parts[2]));
        int removed = parts.length > 3 ? Integer.parseInt(parts[3]) : StringRemovalSearch.MEAN_REMOVED;
        return new FleetReduction.Tuning(cooling, removed, parts.length > 4 && parts[4].equals("x"));
    }
}
