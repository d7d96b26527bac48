package dev.wedge.routing.bench;

import dev.wedge.routing.RoutingErrorCode;
import dev.wedge.routing.RoutingException;
import dev.wedge.routing.model.Amount;
import dev.wedge.routing.model.Depot;
import dev.wedge.routing.model.Place;
import dev.wedge.routing.model.Problem;
import dev.wedge.routing.model.Stop;
import dev.wedge.routing.model.TimeWindow;
import dev.wedge.routing.model.Vehicle;
import dev.wedge.routing.model.VehicleType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CVRP instance in TSPLIB format with {@code EDGE_WEIGHT_TYPE : EUC_2D}: CAPACITY, NODE_COORD_SECTION,
 * DEMAND_SECTION and DEPOT_SECTION. The fleet is as many vehicles as customers (CVRP does not bound it); the
 * truck count from the name ({@code -k5}) is kept as the problem's reference. Use
 * {@link dev.wedge.routing.cost.EuclideanCosts#tsplib()} (each edge rounded to the nearest integer).
 */
public final class TsplibReader {
    private static final Pattern TRUCKS = Pattern.compile("-k(\\d+)");

    private TsplibReader() {
    }

    public static Problem read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, "Cannot read TSPLIB file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The truck count in an instance name such as A-n32-k5, or -1. */
    public static int trucksInName(String name) {
        Matcher m = TRUCKS.matcher(name);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static Problem parse(String source, List<String> lines) {
        Map<String, String> header = new LinkedHashMap<>();
        Map<Integer, double[]> coords = new LinkedHashMap<>();
        Map<Integer, Integer> demands = new LinkedHashMap<>();
        List<Integer> depots = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.equals("EOF")) {
                continue;
            }
            if (line.endsWith("_SECTION")) {
                section = line;
                continue;
            }
            if (line.contains(":") && !Character.isDigit(line.charAt(0)) && !line.startsWith("-")) {
                int colon = line.indexOf(':');
                header.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                continue;
            }
            String[] p = line.split("\\s+");
            try {
                switch (section) {
                    case "NODE_COORD_SECTION" -> coords.put(Integer.parseInt(p[0]), new double[] {
                            Double.parseDouble(p[1]), Double.parseDouble(p[2])});
                    case "DEMAND_SECTION" -> demands.put(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
                    case "DEPOT_SECTION" -> {
                        int id = Integer.parseInt(p[0]);
                        if (id > 0) {
                            depots.add(id);
                        }
                    }
                    default -> throw bad(source, i, "data outside a known section: '" + line + "'");
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw bad(source, i, "cannot read '" + line + "' in " + section);
            }
        }
        return build(source, header, coords, demands, depots);
    }

    private static Problem build(String source, Map<String, String> header, Map<Integer, double[]> coords,
                                 Map<Integer, Integer> demands, List<Integer> depots) {
        String type = header.getOrDefault("EDGE_WEIGHT_TYPE", "");
        if (!type.equals("EUC_2D")) {
            throw bad(source, -1, "EDGE_WEIGHT_TYPE must be EUC_2D, got '" + type + "'");
        }
        if (!header.containsKey("CAPACITY") || depots.size() != 1 || coords.isEmpty()) {
            throw bad(source, -1, "a CVRP instance needs CAPACITY, NODE_COORD_SECTION and exactly one depot");
        }
        int capacity = Integer.parseInt(header.get("CAPACITY"));
        int depotId = depots.get(0);
        double[] dc = coords.get(depotId);
        if (dc == null) {
            throw bad(source, -1, "depot " + depotId + " has no coordinates");
        }
        Depot depot = new Depot("depot", new Place(Integer.toString(depotId), dc[0], dc[1]), TimeWindow.always());
        List<Stop> stops = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : coords.entrySet()) {
            if (e.getKey() == depotId) {
                continue;
            }
            String id = Integer.toString(e.getKey());
            Integer demand = demands.get(e.getKey());
            if (demand == null) {
                throw bad(source, -1, "node " + id + " has no demand");
            }
            stops.add(Stop.delivery(id, new Place(id, e.getValue()[0], e.getValue()[1]), Amount.of(demand), 0, TimeWindow.always()));
        }
        VehicleType vt = VehicleType.distanceOnly("cvrp", Amount.of(capacity));
        List<Vehicle> vehicles = new ArrayList<>();
        for (int i = 1; i <= stops.size(); i++) {
            vehicles.add(Vehicle.simple("vehicle-" + i, vt, depot.id(), TimeWindow.always()));
        }
        return Problem.of(header.getOrDefault("NAME", source), List.of(depot), vehicles, stops);
    }

    private static RoutingException bad(String source, int line, String what) {
        String where = line >= 0 ? source + " line " + (line + 1) : source;
        return new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, where + ": " + what);
    }
}
