package dev.wedge.label.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wedge.label.transport.PrinterFailureCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrintJobQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final QueueFixture f = new QueueFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    private void assertPrintedOnce(String text) {
        // Exactly once: the count must reach one and stay there for a while.
        await().atMost(WAIT).until(() -> f.printedWith(text) == 1);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> f.printedWith(text) == 1);
    }

    @Test
    void printsASubmittedJobOnceAndMarksItDone() {
        f.queue.start();

        PrintJobId id = f.queue.submit("dock-1", QueueFixture.label("pallet 1"));

        await().atMost(WAIT).until(() -> f.state(id) == PrintJobState.DONE);
        assertPrintedOnce("pallet 1");
        assertThat(f.store.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void holdsJobsWhilePaperIsOutAndResumesWhenPaperIsLoaded() {
        f.printer.setPaperOut(true);
        f.queue.start();

        PrintJobId id = f.queue.submit("dock-1", QueueFixture.label("waits for paper"));

        await().atMost(WAIT).until(() -> f.state(id) == PrintJobState.HELD);
        assertThat(f.store.find(id).orElseThrow().holdReason()).isEqualTo(PrinterFailureCode.PAPER_OUT);
        f.printer.setPaperOut(false);
        await().atMost(WAIT).until(() -> f.state(id) == PrintJobState.DONE);
        assertPrintedOnce("waits for paper");
    }

    @Test
    void doesNotPrintAgainWhenTheConnectionDropsAfterTheLabelPrinted() {
        f.printer.dropConnectionAfterNextLabel();
        f.queue.start();

        PrintJobId id = f.queue.submit("dock-1", QueueFixture.label("dropped after"));

        await().atMost(WAIT).until(() -> f.state(id) == PrintJobState.DONE);
        assertPrintedOnce("dropped after");
    }

    @Test
    void sendsAgainAJobLostWhenTheConnectionDroppedDuringIt() {
        f.printer.dropConnectionDuringNextLabel();
        f.queue.start();

        PrintJobId id = f.queue.submit("dock-1", QueueFixture.label("dropped during"));

        await().atMost(WAIT).until(() -> f.state(id) == PrintJobState.DONE);
        assertPrintedOnce("dropped during");
        assertThat(f.store.find(id).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void resumesOpenJobsWhenTheNodeStartsAgain() {
        f.printer.stop();
        f.queue.start();
        PrintJobId id = f.queue.submit("dock-1", QueueFixture.label("survives restart"));
        await().atMost(WAIT).until(() -> f.state(id) == PrintJobState.HELD);
        assertThat(f.store.find(id).orElseThrow().holdReason()).isEqualTo(PrinterFailureCode.UNREACHABLE);
        f.queue.close();

        f.printer.start(f.port);
        f.queue = f.newQueue();
        f.queue.start();

        await().atMost(WAIT).until(() -> f.state(id) == PrintJobState.DONE);
        assertPrintedOnce("survives restart");
    }

    @Test
    void reprintsOnlyOnAnExplicitAuditedRequest() {
        f.queue.start();
        PrintJobId id = f.queue.submit("dock-1", QueueFixture.label("reprinted"));
        await().atMost(WAIT).until(() -> f.state(id) == PrintJobState.DONE);

        PrintJob copy = f.queue.reprint(id, "anna", "label torn at the dock");

        await().atMost(WAIT).until(() -> f.state(copy.id()) == PrintJobState.DONE);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> f.printedWith("reprinted") == 2);
        assertThat(f.store.reprints(id)).singleElement()
                .satisfies(r -> assertThat(r.requestedBy()).isEqualTo("anna"))
                .satisfies(r -> assertThat(r.reason()).isEqualTo("label torn at the dock"));
    }

    @Test
    void neverSendsAgainAJobWhoseLabelsPrintedOnlyInPart() {
        // Two formats in one job; the connection drops after the first printed, so the second is lost. Sending the
        // job again whole would print the first label twice.
        f.printer.dropConnectionAfterNextLabel();
        f.queue.start();

        PrintJobId id = f.queue.submit("dock-1", QueueFixture.label("first half") + QueueFixture.label("second half"));

        await().atMost(WAIT).until(() -> f.state(id) == PrintJobState.DONE);
        assertPrintedOnce("first half");
        assertThat(f.printedWith("second half")).isZero();
        assertThat(f.store.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void refusesToReprintOnAPrinterThatIsNoLongerConfiguredAndAuditsNothing() {
        PrintJobId old = PrintJobId.random();
        Instant then = Instant.parse("2026-01-05T08:00:00Z");
        f.store.add(PrintJob.queued(old, "dock-9", QueueFixture.label("old printer"), 1, null, then));
        f.store.markSent(old, 7, then);
        f.store.markDone(old, then);

        assertThatThrownBy(() -> f.queue.reprint(old, "anna", "torn")).hasMessageContaining("dock-9");
        assertThat(f.store.reprints(old)).isEmpty();
        assertThat(f.store.printersWithOpenJobs()).isEmpty();
    }

    @Test
    void refusesAnUnknownPrinterOrZplWithoutALabelAndStoresNothing() {
        assertThatThrownBy(() -> f.queue.submit("dock-9", QueueFixture.label("x"))).hasMessageContaining("dock-9");
        assertThatThrownBy(() -> f.queue.submit("dock-1", "~HS")).hasMessageContaining("^XA..^XZ");
        assertThat(f.store.printersWithOpenJobs()).isEmpty();
    }

    @Test
    void countsCopiesAndFormatsAsLabels() {
        assertThat(PrintJobQueue.labelCount("^XA^PQ3^FDa^FS^XZ^XA^FDb^FS^XZ")).isEqualTo(4);
    }
}
