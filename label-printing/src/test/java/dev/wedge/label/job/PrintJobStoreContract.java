package dev.wedge.label.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.label.transport.PrinterFailureCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link PrintJobStore} has; a store's test extends this and supplies a fresh, empty store. */
abstract class PrintJobStoreContract {

    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    private static final String ZPL = "^XA^FDx^FS^XZ";

    private PrintJobStore store;

    protected abstract PrintJobStore newStore();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private PrintJob givenQueued(String id, String printer) {
        PrintJob job = PrintJob.queued(new PrintJobId(id), printer, ZPL, 1, null, T0);
        store.add(job);
        return job;
    }

    private PrintJob givenDone(String id) {
        givenQueued(id, "dock-1");
        store.markSent(new PrintJobId(id), 10, T0.plusSeconds(1));
        store.markDone(new PrintJobId(id), T0.plusSeconds(2));
        return stored(id);
    }

    private PrintJob stored(String id) {
        return store.find(new PrintJobId(id)).orElseThrow();
    }

    @Test
    void keepsAQueuedJobExactlyAsAdded() {
        PrintJob job = givenQueued("j1", "dock-1");

        assertThat(stored("j1")).isEqualTo(job);
    }

    @Test
    void listsOpenJobsPerPrinterInTheOrderTheyWereAdded() {
        givenQueued("b", "dock-1");
        givenQueued("a", "dock-1");
        givenQueued("c", "dock-2");
        givenDone("d");

        assertThat(store.open("dock-1")).extracting(j -> j.id().value()).containsExactly("b", "a");
        assertThat(store.printersWithOpenJobs()).containsExactly("dock-1", "dock-2");
    }

    @Test
    void movesAJobThroughSentToDoneWithTheOdometerAndAttempts() {
        givenQueued("j1", "dock-1");

        store.markSent(new PrintJobId("j1"), 41, T0.plusSeconds(1));
        store.markDone(new PrintJobId("j1"), T0.plusSeconds(2));

        PrintJob job = stored("j1");
        assertThat(job.state()).isEqualTo(PrintJobState.DONE);
        assertThat(job.odometerBefore()).isEqualTo(41L);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.updatedAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void holdsASentJobWithTheReasonAndKeepsItsOdometer() {
        givenQueued("j1", "dock-1");
        store.markSent(new PrintJobId("j1"), 7, T0);

        store.markHeld(new PrintJobId("j1"), PrinterFailureCode.PAPER_OUT, "paper out", T0.plusSeconds(1));

        PrintJob job = stored("j1");
        assertThat(job.state()).isEqualTo(PrintJobState.HELD);
        assertThat(job.holdReason()).isEqualTo(PrinterFailureCode.PAPER_OUT);
        assertThat(job.holdDetail()).isEqualTo("paper out");
        assertThat(job.maybeSent()).isTrue();
    }

    @Test
    void refusesToChangeADoneJobAndChangesNothing() {
        PrintJob done = givenDone("j1");

        assertThatThrownBy(() -> store.markSent(new PrintJobId("j1"), 99, T0.plusSeconds(9)))
                .isInstanceOf(PrintJobException.class)
                .satisfies(e -> assertThat(((PrintJobException) e).code()).isEqualTo(PrintJobException.Code.WRONG_STATE))
                .hasMessageContaining("j1");
        assertThatThrownBy(() -> store.markHeld(new PrintJobId("j1"), PrinterFailureCode.PAUSED, "", T0))
                .isInstanceOf(PrintJobException.class);
        assertThat(stored("j1")).isEqualTo(done);
    }

    @Test
    void refusesADuplicateIdAndAnUnknownJob() {
        givenQueued("j1", "dock-1");

        assertThatThrownBy(() -> givenQueued("j1", "dock-2"))
                .satisfies(e -> assertThat(((PrintJobException) e).code()).isEqualTo(PrintJobException.Code.DUPLICATE_JOB));
        assertThatThrownBy(() -> store.markDone(new PrintJobId("nope"), T0))
                .satisfies(e -> assertThat(((PrintJobException) e).code()).isEqualTo(PrintJobException.Code.UNKNOWN_JOB));
        assertThat(store.open("dock-1")).hasSize(1);
    }

    @Test
    void queuesAReprintOfADoneJobWithItsAuditRecord() {
        givenDone("j1");
        ReprintRecord record = new ReprintRecord(new PrintJobId("j1"), new PrintJobId("r1"), "anna", "label torn", T0);

        PrintJob reprint = store.addReprint(record);

        assertThat(reprint.state()).isEqualTo(PrintJobState.QUEUED);
        assertThat(reprint.reprintOf()).isEqualTo(new PrintJobId("j1"));
        assertThat(reprint.zpl()).isEqualTo(ZPL);
        assertThat(store.reprints(new PrintJobId("j1"))).containsExactly(record);
        assertThat(store.open("dock-1")).extracting(PrintJob::id).containsExactly(new PrintJobId("r1"));
    }

    @Test
    void refusesToReprintAJobThatHasNotPrintedAndRecordsNothing() {
        givenQueued("j1", "dock-1");

        assertThatThrownBy(() -> store.addReprint(new ReprintRecord(new PrintJobId("j1"), new PrintJobId("r1"),
                "anna", "again", T0)))
                .satisfies(e -> assertThat(((PrintJobException) e).code()).isEqualTo(PrintJobException.Code.WRONG_STATE));
        assertThat(store.find(new PrintJobId("r1"))).isEmpty();
        assertThat(store.reprints(new PrintJobId("j1"))).isEqualTo(List.of());
    }
}
