package dev.wedge.routing.bench;

import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.jsprit.JspritRouteSolver;
import dev.wedge.routing.jsprit.PlainJspritSolver;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.solve.RouteSolver;
import dev.wedge.routing.solve.SolveOptions;
import java.nio.file.Path;
import java.time.Duration;

/** Prints Wedge and plain jsprit figures for a few Solomon instances (not a test). */
public final class QuickBench {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        boolean plain = args.length > 3 && args[3].equals("plain");
        BestKnown bks = BestKnown.solomon(dir.resolve("bks.csv"));
        for (String name : args[2].split(",")) {
            Problem p = SolomonReader.read(dir.resolve(name + ".txt"));
            RouteSolver solver = plain ? new PlainJspritSolver() : new JspritRouteSolver();
            InstanceResult r = BenchmarkRunner.run(plain ? "jsprit" : "wedge", solver, p, EuclideanCosts.solomon(),
                    SolveOptions.forTime(Duration.ofSeconds(seconds), 1), bks.of(p.name()));
            System.out.printf("%s %s veh=%d (bk %d) dist=%.2f (bk %.2f) gap=%.2f%% unassigned=%d violations=%d %.1fs%n",
                    r.instance(), r.solver(), r.plan().vehicles(), r.bestKnown().get().vehicles(), r.plan().distance(),
                    r.bestKnown().get().distance(), r.distanceGapPercent(), r.plan().unassigned().size(), r.violations(),
                    r.plan().seconds());
        }
    }
}
