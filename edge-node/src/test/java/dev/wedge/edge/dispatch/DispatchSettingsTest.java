package dev.wedge.edge.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wedge.edge.config.ConfigException;
import dev.wedge.edge.config.ConfigReader;
import dev.wedge.edge.config.EdgeConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchSettingsTest {
    private static Map<String, String> base() {
        Map<String, String> c = new HashMap<>();
        c.put("node.id", "WH-1");
        c.put("gs1.companyPrefix", "0614141");
        return c;
    }

    @Test
    void dispatchKeysOfTheEdgeConfigurationAreReadWithDefaultsForWhatIsMissing() throws Exception {
        Map<String, String> c = base();
        c.put("dispatch.speedKmh", "55");
        c.put("dispatch.smtp.host", "mail.site.test");
        c.put("dispatch.webhook.url", "https://crm.site.test/hook");
        EdgeConfig config = ConfigReader.from(c);

        DispatchSettings d = config.dispatch();
        assertThat(d.averageSpeedKmh()).isEqualTo(55);
        assertThat(d.detourFactor()).isEqualTo(DispatchSettings.defaults().detourFactor());
        assertThat(d.smtp()).get().extracting(DispatchSettings.Smtp::port).isEqualTo(25);
        assertThat(d.webhook()).contains(URI.create("https://crm.site.test/hook"));
    }

    @Test
    void anUnknownOrBadDispatchKeyIsReportedWithTheOtherProblems() {
        Map<String, String> c = base();
        c.put("dispatch.speedKmph", "55");
        c.put("dispatch.etaNoticeMinutes", "soon");
        c.remove("gs1.companyPrefix");

        assertThatThrownBy(() -> ConfigReader.from(c)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("dispatch.speedKmph").hasMessageContaining("'soon' is not a number")
                .hasMessageContaining("gs1.companyPrefix");
    }
}
