package dev.wedge.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.sync.hq.HqSecurity;
import dev.wedge.sync.hq.HqSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HqConfigReaderTest {

    @Test
    void requiresTheTlsFilesOfMutualTlsWhichIsTheDefault() {
        assertThatThrownBy(() -> HqConfigReader.read(Path.of("../config/hq.example.properties")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "hq.tls.keyStore /etc/wedge/hq-server.p12 is not a readable file",
                        "hq.tls.keyStorePasswordFile /etc/wedge/hq-server.p12.password is not a readable file",
                        "hq.tls.trustStore /etc/wedge/warehouse-ca.p12 is not a readable file",
                        "hq.tls.trustStorePasswordFile /etc/wedge/warehouse-ca.p12.password is not a readable file"));
        assertThatThrownBy(() -> HqConfigReader.from(Map.of()))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.problems()).contains("hq.tls.keyStore is required"));
    }

    @Test
    void servesPlainHttpOnlyWhenChosenExplicitly() throws ConfigException {
        HqSettings s = HqConfigReader.read(Path.of("../config/hq.local.properties"));

        assertThat(s.security().transport()).isEqualTo(HqSecurity.Transport.PLAIN_HTTP);
        assertThat(s.port()).isEqualTo(8081);
    }

    @Test
    void reportsUnknownKeysBadTransportsAndForeignDatabasesTogether() {
        assertThatThrownBy(() -> HqConfigReader.from(Map.of("hq.transport", "ssl", "hq.prot", "1",
                "db.url", "jdbc:mysql://x/y", "hq.port", "http")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "unknown key hq.prot",
                        "hq.port 'http' is not a whole number",
                        "db.url 'jdbc:mysql://x/y' must be a Derby (jdbc:derby:) or PostgreSQL (jdbc:postgresql:) URL",
                        "hq.transport 'ssl' must be mtls, token or plain"));
    }
}
