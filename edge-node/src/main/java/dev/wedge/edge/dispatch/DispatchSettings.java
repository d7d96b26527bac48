package dev.wedge.edge.dispatch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How dispatch runs at one site: the travel model for ETAs, when customers are told, how long tracking links
 * live, and where notifications go.
 *
 * @param averageSpeedKmh  average road speed for ETAs and re-planning (haversine distance times the detour factor)
 * @param detourFactor     road distance over straight-line distance, at least 1
 * @param etaNoticeMinutes customers are told once when their ETA is this close
 * @param trackingValidity how long a tracking link works after its stop is done
 * @param trackingBaseUrl  the public address tracking links in notifications start with
 * @param smtp             the mail relay for customer e-mails; empty sends no e-mail
 * @param webhook          the site's webhook receiver; empty posts nothing
 */
public record DispatchSettings(double averageSpeedKmh, double detourFactor, int etaNoticeMinutes,
                               Duration trackingValidity, URI trackingBaseUrl, Optional<Smtp> smtp,
                               Optional<URI> webhook) {

    /** Configuration keys this record reads, all under {@code dispatch.}. */
    public static final Set<String> KEYS = Set.of("dispatch.speedKmh", "dispatch.detourFactor",
            "dispatch.etaNoticeMinutes", "dispatch.trackingHours", "dispatch.trackingBaseUrl", "dispatch.smtp.host",
            "dispatch.smtp.port", "dispatch.smtp.from", "dispatch.webhook.url");

    public DispatchSettings {
        if (!(averageSpeedKmh > 0 && averageSpeedKmh <= 200)) {
            throw new IllegalArgumentException("dispatch.speedKmh " + averageSpeedKmh + " must be in (0, 200]");
        }
        if (!(detourFactor >= 1 && detourFactor <= 5)) {
            throw new IllegalArgumentException("dispatch.detourFactor " + detourFactor + " must be in [1, 5]");
        }
        if (etaNoticeMinutes < 1) {
            throw new IllegalArgumentException("dispatch.etaNoticeMinutes " + etaNoticeMinutes + " must be 1 or more");
        }
    }

    /** @param from the envelope and header sender of customer e-mails */
    public record Smtp(String host, int port, String from) {
    }

    /** 40 km/h, detour 1.3, notice 30 minutes before, links valid 24 h, no e-mail, no webhook. */
    public static DispatchSettings defaults() {
        return new DispatchSettings(40, 1.3, 30, Duration.ofHours(24), URI.create("http://127.0.0.1:8080/"),
                Optional.empty(), Optional.empty());
    }

    public DispatchSettings withSmtp(Smtp relay) {
        return new DispatchSettings(averageSpeedKmh, detourFactor, etaNoticeMinutes, trackingValidity,
                trackingBaseUrl, Optional.of(relay), webhook);
    }

    public DispatchSettings withWebhook(URI url) {
        return new DispatchSettings(averageSpeedKmh, detourFactor, etaNoticeMinutes, trackingValidity,
                trackingBaseUrl, smtp, Optional.of(url));
    }

    public DispatchSettings withSpeed(double kmh, double detour) {
        return new DispatchSettings(kmh, detour, etaNoticeMinutes, trackingValidity, trackingBaseUrl, smtp, webhook);
    }

    public DispatchSettings withNotice(int minutes) {
        return new DispatchSettings(averageSpeedKmh, detourFactor, minutes, trackingValidity, trackingBaseUrl, smtp,
                webhook);
    }

    /**
     * Reads the {@code dispatch.*} keys of an edge configuration, adding a sentence per bad or unknown key to
     * {@code problems}; what is missing takes the default.
     */
    public static DispatchSettings read(Map<String, String> values, List<String> problems) {
        for (String key : new TreeSet<>(values.keySet())) {
            if (key.startsWith("dispatch.") && !KEYS.contains(key)) {
                problems.add("unknown key " + key + " (dispatch takes " + new TreeSet<>(KEYS) + ")");
            }
        }
        DispatchSettings d = defaults();
        try {
            double speed = number(values, "dispatch.speedKmh", d.averageSpeedKmh());
            double detour = number(values, "dispatch.detourFactor", d.detourFactor());
            int notice = (int) number(values, "dispatch.etaNoticeMinutes", d.etaNoticeMinutes());
            Duration validity = Duration.ofHours((long) number(values, "dispatch.trackingHours", 24));
            URI base = URI.create(values.getOrDefault("dispatch.trackingBaseUrl", d.trackingBaseUrl().toString()));
            Optional<Smtp> smtp = Optional.ofNullable(values.get("dispatch.smtp.host")).filter(h -> !h.isBlank())
                    .map(h -> new Smtp(h, (int) number(values, "dispatch.smtp.port", 25),
                            values.getOrDefault("dispatch.smtp.from", "dispatch@wedge.invalid")));
            Optional<URI> hook = Optional.ofNullable(values.get("dispatch.webhook.url")).filter(u -> !u.isBlank())
                    .map(URI::create);
            return new DispatchSettings(speed, detour, notice, validity, base, smtp, hook);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return d;
        }
    }

    private static double number(Map<String, String> values, String key, double fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + v + "' is not a number");
        }
    }
}
