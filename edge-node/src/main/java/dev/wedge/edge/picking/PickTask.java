package dev.wedge.edge.picking;

import java.time.LocalDate;

/**
 * One pick task as the handheld shows it: where to go, what to take, how many are left, which tote it goes in
 * and which scan the picker makes next.
 *
 * @param step     LOCATION, ITEM, QUANTITY or DONE: what the next scan confirms
 * @param counted  eaches counted by item scans since the last confirmed quantity
 * @param waveDone tasks of the wave closed so far; {@code waveTasks} all tasks of the wave
 */
public record PickTask(long taskId, long waveId, String orderId, int lineNo, String tote, String location,
                       String sku, String description, String gtin, String lot, LocalDate expiry, int quantity,
                       int picked, int counted, String step, String status, int waveDone, int waveTasks) {

    public int remaining() {
        return quantity - picked;
    }
}
