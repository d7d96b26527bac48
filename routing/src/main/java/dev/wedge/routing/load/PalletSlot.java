package dev.wedge.routing.load;

import java.util.Objects;

/**
 * One pallet on the trailer floor: row (1 = front wall), position across (1 = left seen from the doors),
 * the stop it is for, its weight, and its place in the loading sequence (1 = loaded first).
 */
public record PalletSlot(int row, int position, String stopId, double weight, int loadingOrder) {
    public PalletSlot {
        Objects.requireNonNull(stopId, "stopId");
        if (row < 1 || position < 1 || loadingOrder < 1) {
            throw new IllegalArgumentException("Pallet slot numbers start at 1");
        }
    }
}
