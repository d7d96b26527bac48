package dev.wedge.sync.hq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.sync.SyncException;
import org.junit.jupiter.api.Test;

class HqSettingsTest {
    @Test
    void theUrlShownInLogsHidesThePasswordAndKeepsTheRest() {
        HqSettings s = HqSettings.local("jdbc:postgresql://db:5432/hq?user=hq&password=s3cr%26t&ssl=true");

        assertThat(s.safeJdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/hq?user=hq&password=***&ssl=true");
    }

    @Test
    void aDerbyUrlWithAPasswordAttributeIsMaskedToo() {
        HqSettings s = HqSettings.local("jdbc:derby:data/hq;create=true;user=hq;PASSWORD=x1");

        assertThat(s.safeJdbcUrl()).isEqualTo("jdbc:derby:data/hq;create=true;user=hq;PASSWORD=***");
    }

    @Test
    void aUrlThatIsNotJdbcIsRefusedWithTheReason() {
        assertThatThrownBy(() -> HqSettings.local("postgresql://db/hq"))
                .isInstanceOf(SyncException.class).hasMessageContaining("must be a JDBC URL");
    }
}
