package dev.wedge.edge.dispatch.eta;

import java.time.Instant;

/**
 * The expected times at one stop: arrival, service start (arrival or the window's opening, whichever is later)
 * and departure; {@code late} when service would start after the window closes.
 */
public record StopEta(String stopId, Instant arrival, Instant serviceStart, Instant departure, boolean late) {
}
