package dev.wedge.edge.auth;

import java.util.Locale;

/** What a person may do on the floor; every API endpoint names the roles it admits. */
public enum Role {
    PICKER, PACKER, DOCK, SUPERVISOR, ADMIN,
    /** Drives delivery routes: sees and acts only on the routes assigned to the driver id equal to the badge. */
    DRIVER;

    /** Parses a role name case-insensitively. */
    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role '" + text + "' is not one of picker, packer, dock, supervisor,"
                    + " admin, driver");
        }
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
