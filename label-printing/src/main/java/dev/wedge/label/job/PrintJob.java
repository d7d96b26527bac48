package dev.wedge.label.job;

import dev.wedge.label.transport.PrinterFailureCode;
import java.time.Instant;

/**
 * One durable print job.
 *
 * @param id             job identity
 * @param printerId      logical printer id
 * @param zpl            the job's ZPL
 * @param labelCount     labels the job prints (formats times {@code ^PQ} copies), at least 1
 * @param state          where the job is
 * @param holdReason     why the job is held (null unless {@code HELD})
 * @param holdDetail     the printer's own words for the hold, or empty
 * @param odometerBefore the printer's label counter just before the job was last sent; null if never sent
 * @param attempts       how many times the job was sent
 * @param reprintOf      the job this one reprints, or null
 * @param createdAt      when the job was queued
 * @param updatedAt      when the job last changed
 */
public record PrintJob(PrintJobId id, String printerId, String zpl, int labelCount, PrintJobState state,
                       PrinterFailureCode holdReason, String holdDetail, Long odometerBefore, int attempts,
                       PrintJobId reprintOf, Instant createdAt, Instant updatedAt) {

    public PrintJob {
        if (id == null || printerId == null || printerId.isBlank() || zpl == null || zpl.isEmpty() || state == null
                || createdAt == null || updatedAt == null) {
            throw new IllegalArgumentException("print job " + id + " lacks its printer, ZPL, state or times");
        }
        if (labelCount < 1) {
            throw new IllegalArgumentException("print job " + id + " prints " + labelCount + " labels; at least 1 is needed");
        }
        if ((state == PrintJobState.HELD) != (holdReason != null)) {
            throw new IllegalArgumentException("print job " + id + " is " + state + " with hold reason " + holdReason);
        }
        holdDetail = holdDetail == null ? "" : holdDetail;
    }

    /** A new queued job. */
    public static PrintJob queued(PrintJobId id, String printerId, String zpl, int labelCount, PrintJobId reprintOf,
                                  Instant now) {
        return new PrintJob(id, printerId, zpl, labelCount, PrintJobState.QUEUED, null, "", null, 0, reprintOf, now, now);
    }

    /** True when the job may already have reached the printer, so its counter must be read before resending. */
    public boolean maybeSent() {
        return odometerBefore != null;
    }
}
