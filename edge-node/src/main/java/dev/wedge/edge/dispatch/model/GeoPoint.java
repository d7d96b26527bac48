package dev.wedge.edge.dispatch.model;

import dev.wedge.routing.model.Place;

/** A WGS84 position in degrees. */
public record GeoPoint(double lat, double lon) {
    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "Latitude " + lat + " is outside -90..90");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new DispatchException(DispatchErrorCode.INVALID_INPUT, "Longitude " + lon + " is outside -180..180");
        }
    }

    /** This point as a routing place (x = longitude, y = latitude, as the haversine costs expect). */
    public Place toPlace(String id) {
        return new Place(id, lon, lat);
    }
}
