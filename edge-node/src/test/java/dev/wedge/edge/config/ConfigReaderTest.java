package dev.wedge.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    @Test
    void readsTheExampleConfigurationShippedWithWedge() throws ConfigException {
        EdgeConfig c = ConfigReader.read(Path.of("../config/edge.example.properties"));

        assertThat(c.nodeId()).isEqualTo("WH-0001");
        assertThat(c.scanner("recv-1")).hasValueSatisfying(s -> {
            assertThat(s.port()).isEqualTo("/dev/ttyUSB0");
            assertThat(s.endpointUri()).startsWith("scanner:recv-1?port=RAW(/dev/ttyUSB0)&baudRate=9600");
        });
        assertThat(c.printers()).containsExactly(new EdgeConfig.Printer("dock-1", "192.0.2.10", 9100));
        assertThat(c.hq()).hasValueSatisfying(h -> assertThat(h.baseUri()).hasToString("http://hq.example.internal:8081/"));
    }

    @Test
    void reportsEveryProblemTogether() {
        assertThatThrownBy(() -> ConfigReader.from(Map.of(
                "web.port", "99999",
                "gs1.companyPrefix", "12AB",
                "scanner.s1.baudRate", "fast",
                "printer.p1.colour", "red",
                "receiving.printer", "nope")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "node.id is required",
                        "web.port 99999 is outside 0..65535",
                        "gs1.companyPrefix '12AB' must be 6 to 12 digits",
                        "scanner.s1.baudRate 'fast' is not a whole number",
                        "scanner.s1.port is required",
                        "unknown key printer.p1.colour (a printer takes [host, port])",
                        "printer.p1.host is required",
                        "receiving.printer 'nope' is not a configured printer (printer.nope.host)"));
    }

    @Test
    void runsWithoutHqWhenNoUrlIsConfigured() throws ConfigException {
        EdgeConfig c = ConfigReader.from(Map.of("node.id", "WH-1", "gs1.companyPrefix", "0614141"));

        assertThat(c.hq()).isEmpty();
        assertThat(c.jdbcUrl()).startsWith("jdbc:derby:").endsWith("edge;create=true");
    }

    @Test
    void needsHqsCaForAnHttpsHqAndRefusesTlsFilesForPlainHttp() {
        assertThatThrownBy(() -> ConfigReader.from(Map.of("node.id", "WH-1", "gs1.companyPrefix", "0614141",
                "hq.url", "https://hq.example:8443/")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "hq.tls.trustStore is required", "hq.tls.trustStorePasswordFile is required"));
        assertThatThrownBy(() -> ConfigReader.from(Map.of("node.id", "WH-1", "gs1.companyPrefix", "0614141",
                "hq.url", "http://hq.example:8081/", "hq.tls.trustStore", "ca.p12")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "hq.tls.* is set but hq.url 'http://hq.example:8081/' is not https://"));
    }
}
