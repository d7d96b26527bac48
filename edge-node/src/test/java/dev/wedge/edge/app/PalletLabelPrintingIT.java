package dev.wedge.edge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wedge.edge.config.ConfigReader;
import dev.wedge.edge.config.EdgeConfig;
import dev.wedge.edge.demo.DemoWarehouse;
import dev.wedge.edge.demo.PtyPair;
import dev.wedge.label.virtual.VirtualZebraPrinter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pallet labels survive a printer out of paper and a node restart, and each prints exactly once. */
class PalletLabelPrintingIT {

    @TempDir
    Path dir;

    @Test
    void labelsHeldByAPrinterOutOfPaperPrintOnceWhenItIsBackEvenAcrossARestartOfTheNode() throws Exception {
        VirtualZebraPrinter printer = new VirtualZebraPrinter();
        int port = printer.start(0);
        String dbUrl = "jdbc:derby:" + dir.resolve("edge") + ";create=true";
        try (PtyPair pty = PtyPair.open(dir.resolve("pty"), "recv-1")) {
            printer.setPaperOut(true);
            EdgeNode first = new EdgeNode(config(dbUrl, port, pty), Clock.systemUTC()).start();
            DemoWarehouse.seed(first.database());
            await().atMost(Duration.ofSeconds(5)).until(() -> first.scannerStatuses().get(0).up());
            try (OutputStream feed = Files.newOutputStream(pty.feed())) {
                feed.write(("]C1011231231231233310P1\r\n]C1011231231231233310P2\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            // Jobs print in order per printer: the first is held with the printer's reason, the second waits.
            await().atMost(Duration.ofSeconds(20)).until(() -> count(first, "SELECT COUNT(*) FROM label_status"
                    + " WHERE status = 'HELD' AND LOWER(last_error) LIKE '%paper%'") == 1);
            assertThat(count(first, "SELECT COUNT(*) FROM label_status WHERE status IN ('HELD', 'QUEUED')")).isEqualTo(2);
            assertThat(printer.labels()).isEmpty();
            first.close();

            printer.setPaperOut(false);
            EdgeNode second = new EdgeNode(config(dbUrl, port, pty), Clock.systemUTC()).start();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> printer.labels().size() == 2);
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                        .until(() -> printer.labels().size() == 2);
                assertThat(count(second, "SELECT COUNT(*) FROM label_status WHERE status = 'PRINTED'")).isEqualTo(2);
            } finally {
                second.close();
            }
        } finally {
            printer.stop();
        }
    }

    private static EdgeConfig config(String dbUrl, int printerPort, PtyPair pty) throws Exception {
        Map<String, String> c = new HashMap<>();
        c.put("node.id", "WH-LBL");
        c.put("db.url", dbUrl);
        c.put("web.port", "0");
        c.put("gs1.companyPrefix", "0614141");
        c.put("receiving.printer", "dock-1");
        c.put("scanner.recv-1.port", pty.device().toString());
        c.put("printer.dock-1.host", "127.0.0.1");
        c.put("printer.dock-1.port", Integer.toString(printerPort));
        return ConfigReader.from(c);
    }

    private static long count(EdgeNode edge, String sql) throws SQLException {
        try (Connection c = edge.database().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
