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
import java.util.List;

/**
 * Reads a Solomon VRPTW instance in its text layout: the name, a VEHICLE block (number, capacity) and a CUSTOMER
 * table whose first row (customer 0) is the depot. Each customer becomes a delivery whose service must start inside
 * [ready, due]; each vehicle's shift is the depot's window. Use {@link dev.wedge.routing.cost.EuclideanCosts#solomon()}.
 */
public final class SolomonReader {
    private SolomonReader() {
    }

    public static Problem read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, "Cannot read Solomon file " + file + ": " + e.getMessage(), e);
        }
    }

    static Problem parse(String source, List<String> lines) {
        String name = null;
        int vehicles = -1;
        int capacity = -1;
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (name == null) {
                name = line;
            } else if (line.startsWith("NUMBER")) {
                double[] v = numbers(source, i, nextNonEmpty(lines, i), 2);
                vehicles = (int) v[0];
                capacity = (int) v[1];
            } else if (Character.isDigit(line.charAt(0)) && vehicles >= 0 && !isVehicleRow(lines, i)) {
                double[] row = numbers(source, i, line, 7);
                for (int k = 3; k < 7; k++) {
                    // Demand, ready time, due date and service time: a Solomon table has no negative ones.
                    if (row[k] < 0) {
                        throw new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, source + " line " + (i + 1)
                                + ": customer " + (long) row[0] + " has a negative " + COLUMNS[k] + " (" + row[k] + ")");
                    }
                }
                rows.add(row);
            }
        }
        if (name == null || vehicles < 1 || capacity < 1 || rows.size() < 2) {
            throw new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, source
                    + " is not a Solomon instance: it needs a name, a VEHICLE block and a CUSTOMER table");
        }
        return build(name, vehicles, capacity, rows);
    }

    private static final String[] COLUMNS = {"number", "x", "y", "demand", "ready time", "due date", "service time"};

    private static boolean isVehicleRow(List<String> lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            String prev = lines.get(j).trim();
            if (!prev.isEmpty()) {
                return prev.startsWith("NUMBER");
            }
        }
        return false;
    }

    private static String nextNonEmpty(List<String> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                return lines.get(j).trim();
            }
        }
        return "";
    }

    private static double[] numbers(String source, int lineIndex, String line, int count) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < count) {
            throw new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, source + " line " + (lineIndex + 1)
                    + ": expected " + count + " numbers, got '" + line + "'");
        }
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            try {
                out[k] = Double.parseDouble(parts[k]);
            } catch (NumberFormatException e) {
                throw new RoutingException(RoutingErrorCode.INVALID_INPUT_FILE, source + " line " + (lineIndex + 1)
                        + ": '" + parts[k] + "' is not a number");
            }
        }
        return out;
    }

    private static Problem build(String name, int vehicleCount, int capacity, List<double[]> rows) {
        double[] d = rows.get(0);
        TimeWindow horizon = new TimeWindow(d[4], d[5]);
        Depot depot = new Depot("depot", new Place(Integer.toString((int) d[0]), d[1], d[2]), horizon);
        VehicleType type = VehicleType.distanceOnly("solomon", Amount.of(capacity));
        List<Vehicle> vehicles = new ArrayList<>();
        for (int i = 1; i <= vehicleCount; i++) {
            vehicles.add(Vehicle.simple("vehicle-" + i, type, depot.id(), horizon));
        }
        List<Stop> stops = new ArrayList<>();
        for (double[] r : rows.subList(1, rows.size())) {
            String id = Integer.toString((int) r[0]);
            stops.add(Stop.delivery(id, new Place(id, r[1], r[2]), Amount.of((int) r[3]), r[6], new TimeWindow(r[4], r[5])));
        }
        return Problem.of(name, List.of(depot), vehicles, stops);
    }
}
