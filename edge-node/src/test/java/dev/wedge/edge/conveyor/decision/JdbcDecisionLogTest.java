package dev.wedge.edge.conveyor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.edge.conveyor.Induction;
import dev.wedge.edge.conveyor.SortationFixtures;
import dev.wedge.edge.db.EdgeDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcDecisionLogTest {

    private EdgeDatabase db;
    private final ExecutorService writer = Executors.newSingleThreadExecutor();
    private JdbcDecisionLog log;

    @BeforeEach
    void start() {
        db = SortationFixtures.database();
        log = new JdbcDecisionLog(db, Clock.systemUTC(), writer);
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        writer.shutdownNow();
        db.close();
    }

    @Test
    void aDecisionTheTableRefusesDoesNotTakeTheRestOfItsBatchWithIt() throws Exception {
        // A PLC id longer than the column is refused by Derby; the good decisions queued beside it must still land.
        String tooLong = "s".repeat(60);
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        for (int i = 0; i < 200; i++) {
            String plc = i % 2 == 0 ? tooLong : "sorter-1";
            log.record(new Decision(plc, new Induction(i, "SHP-" + i, at, false), 1, DecisionReason.RULE, 1, 10),
                    5L, null);
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> log.pending() == 0);
        await().atMost(10, TimeUnit.SECONDS).until(() -> rows() == 100);
        assertThat(rows()).isEqualTo(100);
    }

    private long rows() throws Exception {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM conveyor_decision WHERE plc_id = 'sorter-1'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
