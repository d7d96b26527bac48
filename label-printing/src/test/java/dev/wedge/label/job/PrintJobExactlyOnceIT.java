package dev.wedge.label.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.label.virtual.ReceivedLabel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 500 jobs through the durable queue while the virtual printer suffers 100 random faults. */
class PrintJobExactlyOnceIT {

    private static final int JOBS = 500;
    private static final int FAULTS = 100;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private enum Fault { PAPER_OUT, HEAD_OPEN, PAUSED, SILENT, DROP_DURING_JOB, DROP_AFTER_JOB, RESTART }

    private final QueueFixture f = new QueueFixture();
    private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void printsEveryJobExactlyOnceThroughAHundredRandomFaults() {
        Random random = new Random(20261203L);
        f.queue.start();
        List<PrintJobId> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            ids.add(f.queue.submit("dock-1", QueueFixture.label("job " + i)));
            if (i % (JOBS / FAULTS) == JOBS / FAULTS - 1) {
                inject(Fault.values()[random.nextInt(Fault.values().length)]);
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> f.store.printersWithOpenJobs().isEmpty());
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> f.printer.labels().size() == JOBS);
        Map<String, Long> copies = f.printer.labels().stream().map(ReceivedLabel::fieldTexts)
                .map(t -> t.get(0)).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies).hasSize(JOBS).allSatisfy((text, n) -> assertThat(n).as(text).isEqualTo(1L));
        assertThat(ids).allSatisfy(id -> assertThat(f.state(id)).isEqualTo(PrintJobState.DONE));
        assertThat(injected.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(FAULTS);
        System.out.println("exactly-once run: " + JOBS + " jobs, faults " + injected);
    }

    /** Applies a fault, waits until the queue has run into it, then clears it. */
    private void inject(Fault fault) {
        injected.merge(fault, 1, Integer::sum);
        switch (fault) {
            case PAPER_OUT -> whileFaulted(() -> f.printer.setPaperOut(true), () -> f.printer.setPaperOut(false));
            case HEAD_OPEN -> whileFaulted(() -> f.printer.setHeadOpen(true), () -> f.printer.setHeadOpen(false));
            case PAUSED -> whileFaulted(() -> f.printer.setPaused(true), () -> f.printer.setPaused(false));
            case SILENT -> whileFaulted(() -> f.printer.setSilent(true), () -> f.printer.setSilent(false));
            case RESTART -> whileFaulted(f.printer::stop, () -> f.printer.start(f.port));
            case DROP_DURING_JOB -> {
                f.printer.dropConnectionDuringNextLabel();
                await().atMost(WAIT).until(() -> !f.printer.dropArmed() || f.store.printersWithOpenJobs().isEmpty());
            }
            case DROP_AFTER_JOB -> {
                f.printer.dropConnectionAfterNextLabel();
                await().atMost(WAIT).until(() -> !f.printer.dropArmed() || f.store.printersWithOpenJobs().isEmpty());
            }
        }
    }

    private void whileFaulted(Runnable apply, Runnable clear) {
        apply.run();
        // Either a job is held because of the fault, or there was nothing left to print while it lasted.
        await().atMost(WAIT).until(() -> f.store.open("dock-1").stream().anyMatch(j -> j.state() == PrintJobState.HELD)
                || f.store.printersWithOpenJobs().isEmpty());
        clear.run();
    }
}
