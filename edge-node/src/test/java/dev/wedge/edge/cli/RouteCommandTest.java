package dev.wedge.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RouteCommandTest {
    // A six-customer instance in the Solomon text layout, small enough to solve in a second.
    private static final String TINY = """
            TINY1

            VEHICLE
            NUMBER     CAPACITY
              4         30

            CUSTOMER
            CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

                0      40         50          0          0        500          0
                1      45         68         10          0        200         10
                2      45         70         10          0        200         10
                3      42         30         10         50        300         10
                4      20         50         10          0        400         10
                5      60         55         10        100        400         10
                6      30         40         10          0        400         10
            """;

    // A five-customer CVRP instance in TSPLIB format.
    private static final String TINY_CVRP = """
            NAME : TINY-n6-k2
            TYPE : CVRP
            DIMENSION : 6
            EDGE_WEIGHT_TYPE : EUC_2D
            CAPACITY : 10
            NODE_COORD_SECTION
             1 0 0
             2 10 0
             3 10 10
             4 0 10
             5 -10 0
             6 -10 -10
            DEMAND_SECTION
             1 0
             2 5
             3 5
             4 5
             5 4
             6 4
            DEPOT_SECTION
             1
             -1
            EOF
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new RouteCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void solvesASolomonFileAndPrintsOnePlanObject() throws IOException {
        Path file = Files.writeString(dir.resolve("TINY1.txt"), TINY);

        int code = run("solve", "--solomon", file.toString(), "--seconds", "1", "--seed", "3");

        assertThat(code).isZero();
        JsonNode plan = new ObjectMapper().readTree(out.toString());
        assertThat(plan.get("vehicles").asInt()).isBetween(2, 4);
        assertThat(plan.get("unassigned")).isEmpty();
        assertThat(plan.get("violations").asInt()).isZero();
        Set<String> served = new HashSet<>();
        plan.get("routes").forEach(r -> r.get("stops").forEach(s -> served.add(s.asText())));
        assertThat(served).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6");
        assertThat(plan.get("distance").asDouble()).isPositive();
    }

    @Test
    void benchComparesWedgeWithPlainJspritAndTheBestKnownValues() throws IOException {
        Files.writeString(dir.resolve("TINY1.txt"), TINY);
        Files.writeString(dir.resolve("bks.csv"), "instance,vehicles,distance\nTINY1,2,150.00\n");

        int code = run("bench", "--solomon", dir.toString(), "--seconds", "1");

        assertThat(code).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        JsonNode row = report.get("instances").get(0);
        assertThat(row.get("instance").asText()).isEqualTo("TINY1");
        assertThat(row.get("bestKnown").get("vehicles").asInt()).isEqualTo(2);
        assertThat(row.get("wedge").get("violations").asInt()).isZero();
        assertThat(row.get("jsprit").get("vehicles").asInt()).isPositive();
        assertThat(row.get("wedge").get("routes")).hasSize(row.get("wedge").get("vehicles").asInt());
        assertThat(report.get("average").get("wedge").get("instances").asInt()).isEqualTo(1);
        assertThat(report.get("average").get("jsprit").has("distanceGapPercent")).isTrue();
    }

    @Test
    void solvesATsplibFileWithEdgesRoundedToIntegers() throws IOException {
        Path file = Files.writeString(dir.resolve("TINY-n6-k2.vrp"), TINY_CVRP);

        int code = run("solve", "--tsplib", file.toString(), "--seconds", "1");

        assertThat(code).isZero();
        JsonNode plan = new ObjectMapper().readTree(out.toString());
        assertThat(plan.get("unassigned")).isEmpty();
        assertThat(plan.get("violations").asInt()).isZero();
        assertThat(plan.get("distance").asDouble() % 1.0).isZero();
        assertThat(plan.get("vehicles").asInt()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void benchRunsACvrpFolderAgainstItsOptimalCosts() throws IOException {
        Files.writeString(dir.resolve("TINY-n6-k2.vrp"), TINY_CVRP);
        Files.writeString(dir.resolve("optimal.csv"), "instance,optimal_cost,proven_optimal,vehicles_k\nTINY-n6-k2,88,True,3\n");

        int code = run("bench", "--tsplib", dir.toString(), "--seconds", "1");

        assertThat(code).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("format").asText()).isEqualTo("tsplib");
        assertThat(report.get("instances").get(0).get("wedge").has("gapPercent")).isTrue();
    }

    @Test
    void rejectsAMissingFileWithOneLineReason() {
        int code = run("solve", "--solomon", dir.resolve("nope.txt").toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).contains("nope.txt").doesNotContain("\n");
    }

    @Test
    void rejectsAFileThatIsNotASolomonInstance() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.txt"), "hello\nworld\n");

        int code = run("solve", "--solomon", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("route:").contains("bad.txt");
    }
}
