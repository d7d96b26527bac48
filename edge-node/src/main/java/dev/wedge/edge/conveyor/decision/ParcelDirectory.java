package dev.wedge.edge.conveyor.decision;

import dev.wedge.edge.conveyor.SortDestination;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Looks a scanned barcode up in the edge database: first the sortation destinations
 * ({@code conveyor_sort_destination}), then, for an SSCC, the handling units booked by receiving. Holds one
 * connection with prepared statements; confine an instance to one thread.
 */
public final class ParcelDirectory implements AutoCloseable {

    /** What the edge knows about a barcode. */
    public sealed interface Lookup permits Found, KnownWithoutDestination, Unknown {
    }

    public record Found(SortDestination destination) implements Lookup {
    }

    public record KnownWithoutDestination(String sscc) implements Lookup {
    }

    public record Unknown(String barcode) implements Lookup {
    }

    private static final Pattern SSCC = Pattern.compile("\\d{18}");

    private final Connection connection;
    private final PreparedStatement destination;
    private final PreparedStatement handlingUnit;

    public ParcelDirectory(DataSource db) throws SQLException {
        connection = db.getConnection();
        connection.setReadOnly(true);
        destination = connection.prepareStatement("SELECT route, dock_door, carrier, destination"
                + " FROM conveyor_sort_destination WHERE barcode = ?");
        handlingUnit = connection.prepareStatement("SELECT sscc FROM handling_unit WHERE sscc = ?");
    }

    public Lookup find(String scanned) throws SQLException {
        String key = normalise(scanned);
        destination.setString(1, key);
        try (ResultSet rs = destination.executeQuery()) {
            if (rs.next()) {
                return new Found(new SortDestination(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)));
            }
        }
        if (SSCC.matcher(key).matches()) {
            handlingUnit.setString(1, key);
            try (ResultSet rs = handlingUnit.executeQuery()) {
                if (rs.next()) {
                    return new KnownWithoutDestination(key);
                }
            }
        }
        return new Unknown(scanned);
    }

    /**
     * The key a barcode is stored under: symbology identifiers ({@code ]C1}) dropped, and an SSCC read with its
     * Application Identifier ({@code 00} followed by 18 digits) reduced to the 18 digits.
     */
    public static String normalise(String scanned) {
        String s = scanned.trim();
        if (s.length() > 3 && s.charAt(0) == ']') {
            s = s.substring(3);
        }
        if (s.length() == 20 && s.startsWith("00") && s.chars().allMatch(Character::isDigit)) {
            s = s.substring(2);
        }
        return s;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

}
