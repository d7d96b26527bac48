package dev.wedge.edge.dispatch.hq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.RecordEnvelope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HQ's dispatch copy keeps up with a warehouse even when one synced record cannot be applied. */
class HqDispatchProjectionTest {
    private static final Instant AT = Instant.parse("2026-12-03T08:00:00Z");
    private HqServer hq;
    private HqDispatch dispatch;

    @BeforeEach
    void start() {
        hq = new HqServer(HqSettings.local("jdbc:derby:memory:hq-proj-" + UUID.randomUUID() + ";create=true"));
        hq.start();
        dispatch = new HqDispatch("jdbc:derby:memory:hq-proj-copy-" + UUID.randomUUID() + ";create=true",
                Clock.systemUTC()).start(hq.store(), Duration.ofDays(1));
    }

    @AfterEach
    void stop() {
        dispatch.close();
        hq.stop();
    }

    private static String sheet(String routeId) {
        return """
                {"event":"route-sheet","at":"2026-12-03T08:00:00Z","routeId":"%s","vehicleId":"T1","status":"PLANNED",
                 "plannedStart":"2026-12-03T08:00:00Z","plannedEnd":"2026-12-03T12:00:00Z","plannedDistanceM":1000,
                 "depot":{"lat":52.0,"lon":5.0},"stops":[]}""".formatted(routeId);
    }

    private List<String> routesInCopy() throws Exception {
        return dispatch.warehouse("WH-T").orElseThrow().tx().read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT route_id FROM dispatch_route ORDER BY route_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    @Test
    void aRecordTheCopyCannotStoreOrReadIsLeftOutAndTheRecordsAfterItStillArrive() throws Exception {
        hq.store().store(new Batch("WH-T", List.of(
                new RecordEnvelope(1, "WH-T:1", "dispatch.route-sheet", 5, AT, sheet("R1")),
                // A route id far longer than the copy's column: the database refuses it on every attempt.
                new RecordEnvelope(2, "WH-T:2", "dispatch.route-sheet", 5, AT, sheet("R".repeat(400))),
                // A time that does not parse: the applier throws before touching the database.
                new RecordEnvelope(3, "WH-T:3", "dispatch.route-sheet", 5, AT, sheet("R3")
                        .replace("\"plannedEnd\":\"2026-12-03T12:00:00Z\"", "\"plannedEnd\":\"soon\"")),
                new RecordEnvelope(4, "WH-T:4", "dispatch.route-sheet", 5, AT, sheet("R4")))), AT);

        dispatch.project();

        assertThat(routesInCopy()).containsExactly("R1", "R4");
        assertThat(dispatch.project()).as("nothing left to apply: the cursor moved past the bad records").isZero();
    }
}
