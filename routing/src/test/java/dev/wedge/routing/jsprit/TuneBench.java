package dev.wedge.routing.jsprit;

import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import dev.wedge.routing.bench.BenchmarkRunner;
import dev.wedge.routing.bench.BestKnown;
import dev.wedge.routing.bench.InstanceResult;
import dev.wedge.routing.bench.SolomonReader;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.solve.SolveOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Tries one search profile on a few Solomon instances and prints the figures (not a test). */
public final class TuneBench {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        double threshold = Double.parseDouble(args[3]);
        double fixedParam = Double.parseDouble(args[4]);
        Map<Jsprit.Strategy, Double> weights = new EnumMap<>(JspritRun.Profile.standard().weights());
        Map<Jsprit.Parameter, String> parameters = new EnumMap<>(Jsprit.Parameter.class);
        parameters.putAll(JspritRun.Profile.standard().parameters());
        double[] shares = java.util.Arrays.stream(args[5].split(",")).mapToDouble(Double::parseDouble).toArray();
        for (int i = 6; i < args.length; i++) {
            String[] kv = args[i].split("=");
            if (kv[0].startsWith("P:")) {
                parameters.put(Jsprit.Parameter.valueOf(kv[0].substring(2)), kv[1]);
            } else {
                weights.put(Jsprit.Strategy.valueOf(kv[0]), Double.parseDouble(kv[1]));
            }
        }
        JspritRun.Profile profile = new JspritRun.Profile(weights, parameters, threshold, fixedParam, shares[0], shares[1], shares[2], shares[3], shares[4], (int) shares[5]);
        BestKnown bks = BestKnown.solomon(dir.resolve("bks.csv"));
        double gapSum = 0;
        int vehSum = 0;
        int n = 0;
        for (String name : args[2].split(",")) {
            Problem p = SolomonReader.read(dir.resolve(name + ".txt"));
            InstanceResult r = BenchmarkRunner.run("wedge", new JspritRouteSolver(profile), p, EuclideanCosts.solomon(),
                    SolveOptions.forTime(Duration.ofSeconds(seconds), 1), bks.of(p.name()));
            System.out.printf("%s veh=%d (bk %d) dist=%.2f gap=%.2f%% viol=%d%n", r.instance(), r.plan().vehicles(),
                    r.bestKnown().get().vehicles(), r.plan().distance(), r.distanceGapPercent(), r.violations());
            gapSum += r.distanceGapPercent();
            vehSum += r.plan().vehicles() - r.bestKnown().get().vehicles();
            n++;
        }
        System.out.printf("MEAN gap=%.2f%% extraVehicles=%d%n", gapSum / n, vehSum);
    }
}
