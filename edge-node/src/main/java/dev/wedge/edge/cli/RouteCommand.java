package dev.wedge.edge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.routing.RoutingException;
import dev.wedge.routing.bench.BenchmarkRunner;
import dev.wedge.routing.bench.BestKnown;
import dev.wedge.routing.bench.InstanceResult;
import dev.wedge.routing.bench.SolomonReader;
import dev.wedge.routing.bench.TsplibReader;
import dev.wedge.routing.cost.EuclideanCosts;
import dev.wedge.routing.jsprit.JspritRouteSolver;
import dev.wedge.routing.jsprit.PlainJspritSolver;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.plan.Plan;
import dev.wedge.routing.plan.Route;
import dev.wedge.routing.plan.UnassignedJob;
import dev.wedge.routing.plan.Visit;
import dev.wedge.routing.plan.VisitKind;
import dev.wedge.routing.solve.Objective;
import dev.wedge.routing.solve.SolveOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code route solve} plans one Solomon (VRPTW) or TSPLIB (CVRP) instance; {@code route bench} runs every Solomon
 * instance of a folder with Wedge's solver and with plain jsprit at the same budget and compares both with the
 * best-known values. Each prints one JSON object on stdout; bad input exits 2 with a one-line reason on stderr.
 */
@Command(name = "route", description = "Plan delivery routes and benchmark the route solver.",
        subcommands = {RouteCommand.Solve.class, RouteCommand.Bench.class}, mixinStandardHelpOptions = true)
public final class RouteCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("route: give a subcommand, solve or bench");
        return BAD_INPUT;
    }

    /** Which instance file to solve: exactly one of the formats. */
    static final class Input {
        @Option(names = "--solomon", paramLabel = "FILE", description = "Solomon VRPTW instance (text layout)")
        Path solomon;

        @Option(names = "--tsplib", paramLabel = "FILE", description = "CVRP instance in TSPLIB format (EUC_2D)")
        Path tsplib;
    }

    @Command(name = "solve", description = "Solve one benchmark instance and print the plan as JSON.")
    static final class Solve implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(multiplicity = "1")
        Input input;

        @Option(names = "--seconds", defaultValue = "10", description = "Wall-time bound in seconds (default ${DEFAULT-VALUE})")
        int seconds;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() {
            quietSolverLogs();
            try {
                requirePositive(seconds, "--seconds");
                boolean solomon = input.solomon != null;
                Path file = solomon ? input.solomon : input.tsplib;
                requireFile(file);
                Problem problem = solomon ? SolomonReader.read(file) : TsplibReader.read(file);
                EuclideanCosts costs = solomon ? EuclideanCosts.solomon() : EuclideanCosts.tsplib();
                SolveOptions options = SolveOptions.forTime(Duration.ofSeconds(seconds), seed)
                        .withObjective(solomon ? Objective.VEHICLES_THEN_COST : Objective.COST);
                InstanceResult r = BenchmarkRunner.run("wedge", new JspritRouteSolver(), problem, costs, options,
                        Optional.empty());
                ObjectNode out = planJson(r);
                out.put("instance", problem.name());
                out.put("format", solomon ? "solomon" : "tsplib");
                out.put("seed", seed);
                out.set("routes", routesJson(r.plan()));
                print(spec, out);
                return 0;
            } catch (RoutingException | IllegalArgumentException e) {
                return fail(spec, e.getMessage());
            }
        }
    }

    /** Which benchmark set to run: a folder of one format. */
    static final class BenchInput {
        @Option(names = "--solomon", paramLabel = "DIR", description = "Folder of Solomon *.txt files (and bks.csv)")
        Path solomon;

        @Option(names = "--tsplib", paramLabel = "DIR", description = "Folder of CVRP *.vrp files (and optimal.csv)")
        Path tsplib;
    }

    @Command(name = "bench", description = "Run every instance of a folder with Wedge and with plain jsprit.")
    static final class Bench implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(multiplicity = "1")
        BenchInput input;

        @Option(names = "--seconds", defaultValue = "10", description = "Seconds per instance and solver (default ${DEFAULT-VALUE})")
        int seconds;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--bks", paramLabel = "FILE", description = "Best-known values CSV (default DIR/bks.csv or DIR/optimal.csv)")
        Path bks;

        @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Run only these instances")
        List<String> only;

        @Override
        public Integer call() {
            quietSolverLogs();
            try {
                requirePositive(seconds, "--seconds");
                boolean solomon = input.solomon != null;
                Path dir = solomon ? input.solomon : input.tsplib;
                if (!Files.isDirectory(dir)) {
                    throw new IllegalArgumentException(dir + " is not a folder");
                }
                Path bksFile = bks != null ? bks : dir.resolve(solomon ? "bks.csv" : "optimal.csv");
                BestKnown known = !Files.isRegularFile(bksFile) ? BestKnown.none()
                        : solomon ? BestKnown.solomon(bksFile) : BestKnown.cvrp(bksFile);
                List<Path> files = instances(dir, solomon ? ".txt" : ".vrp");
                if (files.isEmpty()) {
                    throw new IllegalArgumentException(dir + " holds no " + (solomon ? "Solomon *.txt" : "CVRP *.vrp") + " instance");
                }
                print(spec, new BenchReport(seconds, seed, solomon).run(files, known, spec.commandLine().getErr()));
                return 0;
            } catch (RoutingException | IllegalArgumentException e) {
                return fail(spec, e.getMessage());
            }
        }

        private List<Path> instances(Path dir, String suffix) {
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().endsWith(suffix))
                        .filter(p -> only == null || only.contains(p.getFileName().toString().replace(suffix, "")))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Runs the comparison and builds the report object. */
    static final class BenchReport {
        private final int seconds;
        private final long seed;
        private final boolean solomon;

        BenchReport(int seconds, long seed, boolean solomon) {
            this.seconds = seconds;
            this.seed = seed;
            this.solomon = solomon;
        }

        ObjectNode run(List<Path> files, BestKnown known, PrintWriter progress) {
            ObjectNode out = JSON.createObjectNode();
            out.put("format", solomon ? "solomon" : "tsplib");
            out.put("secondsPerInstance", seconds);
            out.put("threads", 2);
            out.put("seed", seed);
            ArrayNode rows = out.putArray("instances");
            List<InstanceResult> wedge = new ArrayList<>();
            List<InstanceResult> plain = new ArrayList<>();
            for (Path file : files) {
                Problem problem = solomon ? SolomonReader.read(file) : TsplibReader.read(file);
                EuclideanCosts costs = solomon ? EuclideanCosts.solomon() : EuclideanCosts.tsplib();
                SolveOptions options = SolveOptions.forTime(Duration.ofSeconds(seconds), seed)
                        .withObjective(solomon ? Objective.VEHICLES_THEN_COST : Objective.COST);
                InstanceResult w = BenchmarkRunner.run("wedge", new JspritRouteSolver(), problem, costs, options,
                        known.of(problem.name()));
                InstanceResult j = BenchmarkRunner.run("jsprit", new PlainJspritSolver(), problem, costs, options,
                        known.of(problem.name()));
                wedge.add(w);
                plain.add(j);
                ObjectNode row = rows.addObject();
                row.put("instance", problem.name());
                w.bestKnown().ifPresent(b -> row.putObject("bestKnown").put("vehicles", b.vehicles()).put("distance", b.distance()));
                row.set("wedge", planJson(w).set("routes", routesJson(w.plan())));
                row.set("jsprit", planJson(j).set("routes", routesJson(j.plan())));
                int vsPlain = compare(w, j);
                row.put("wedgeBetter", vsPlain < 0);
                row.put("wedgeAtLeastAsGood", vsPlain <= 0);
                progress.printf("%s wedge %d/%.2f jsprit %d/%.2f%n", problem.name(), w.plan().vehicles(),
                        w.plan().distance(), j.plan().vehicles(), j.plan().distance());
                progress.flush();
            }
            ObjectNode avg = out.putObject("average");
            avg.set("wedge", summary(wedge));
            avg.set("jsprit", summary(plain));
            long better = 0;
            long atLeastAsGood = 0;
            for (int i = 0; i < wedge.size(); i++) {
                int c = compare(wedge.get(i), plain.get(i));
                better += c < 0 ? 1 : 0;
                atLeastAsGood += c <= 0 ? 1 : 0;
            }
            // Strictly better and "at least as good" both, since both solvers often reach the same (best-known) plan.
            avg.put("wedgeBetterCount", better);
            avg.put("wedgeAtLeastAsGoodCount", atLeastAsGood);
            avg.put("wedgeBetterShare", round(better / (double) wedge.size()));
            avg.put("wedgeAtLeastAsGoodShare", round(atLeastAsGood / (double) wedge.size()));
            return out;
        }

        /**
         * Negative if Wedge's plan is better, zero for a tie, positive if plain jsprit's is. For Solomon: fewer
         * unserved jobs, then fewer vehicles, then shorter (hierarchical objective); for CVRP: shorter. Distances
         * within 0.005 (the rounding of the reported totals) are a tie.
         */
        private int compare(InstanceResult w, InstanceResult j) {
            if (solomon) {
                long wv = w.plan().vehicles() + 1000L * w.plan().unassigned().size();
                long jv = j.plan().vehicles() + 1000L * j.plan().unassigned().size();
                if (wv != jv) {
                    return wv < jv ? -1 : 1;
                }
            }
            double d = w.plan().distance() - j.plan().distance();
            return d < -0.005 ? -1 : d > 0.005 ? 1 : 0;
        }

        private static ObjectNode summary(List<InstanceResult> results) {
            ObjectNode s = JSON.createObjectNode();
            s.put("instances", results.size());
            s.put("vehicles", round(results.stream().mapToLong(r -> r.plan().vehicles()).average().orElse(0)));
            s.put("distance", round(results.stream().mapToDouble(r -> r.plan().distance()).average().orElse(0)));
            s.put("distanceGapPercent", round(results.stream().mapToDouble(InstanceResult::distanceGapPercent)
                    .filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN)));
            // Where the vehicle count equals the best known the gap compares like with like; elsewhere it does not.
            List<InstanceResult> atCount = results.stream().filter(r -> r.bestKnown()
                    .map(b -> b.vehicles() == r.plan().vehicles()).orElse(false)).toList();
            s.put("instancesAtBestKnownVehicles", atCount.size());
            s.put("distanceGapPercentAtBestKnownVehicles", round(atCount.stream()
                    .mapToDouble(InstanceResult::distanceGapPercent).average().orElse(Double.NaN)));
            s.put("bestKnownVehiclesShare", round(results.stream().filter(InstanceResult::reachesBestKnownVehicles).count()
                    / (double) results.size()));
            s.put("totalVehicles", results.stream().mapToLong(r -> r.plan().vehicles()).sum());
            s.put("unassigned", results.stream().mapToInt(r -> r.plan().unassigned().size()).sum());
            s.put("violations", results.stream().mapToInt(InstanceResult::violations).sum());
            return s;
        }
    }

    static ObjectNode planJson(InstanceResult r) {
        Plan plan = r.plan();
        ObjectNode out = JSON.createObjectNode();
        out.put("vehicles", plan.vehicles());
        out.put("distance", plan.distance());
        out.put("cost", round(plan.cost()));
        ArrayNode unassigned = out.putArray("unassigned");
        for (UnassignedJob u : plan.unassigned()) {
            unassigned.addObject().put("job", u.jobId()).put("reason", u.reason().name()).put("detail", u.detail());
        }
        out.put("seconds", round(plan.seconds()));
        out.put("violations", r.violations());
        r.bestKnown().ifPresent(b -> {
            out.put("gapPercent", round(r.distanceGapPercent()));
            out.put("bestKnownVehicles", r.reachesBestKnownVehicles());
        });
        return out;
    }

    static ArrayNode routesJson(Plan plan) {
        ArrayNode routes = JSON.createArrayNode();
        for (Route route : plan.routes()) {
            ObjectNode o = routes.addObject();
            o.put("vehicle", route.vehicleId());
            o.put("trip", route.trip());
            o.put("departure", round(route.departure()));
            o.put("return", round(route.returnTime()));
            o.put("distance", round(route.distance()));
            ArrayNode stops = o.putArray("stops");
            for (Visit v : route.visits()) {
                if (v.kind() != VisitKind.BREAK) {
                    stops.add(v.stopId());
                }
            }
        }
        return routes;
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }

    private static void requirePositive(int value, String option) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " is not a readable file");
        }
    }

    private static void print(CommandSpec spec, ObjectNode out) {
        try {
            spec.commandLine().getOut().println(JSON.writeValueAsString(out));
            spec.commandLine().getOut().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int fail(CommandSpec spec, String reason) {
        spec.commandLine().getErr().println("route: " + reason.lines().findFirst().orElse(reason));
        spec.commandLine().getErr().flush();
        return BAD_INPUT;
    }

    // jsprit logs every iteration count at INFO; the commands' output is the JSON object, so keep the log to warnings.
    private static void quietSolverLogs() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }
}
