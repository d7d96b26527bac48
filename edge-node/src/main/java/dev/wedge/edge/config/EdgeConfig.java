package dev.wedge.edge.config;

import dev.wedge.edge.conveyor.PlcSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole, validated configuration of one edge node. Built once by {@link ConfigReader} and passed by
 * constructor; nothing reads system properties afterwards.
 *
 * @param nodeId         the warehouse's logical id, also the prefix of every idempotency key it sends to HQ
 * @param dataDir        where the embedded databases live
 * @param jdbcUrl        the edge database; a file database under {@code dataDir} unless configured
 * @param web            the handheld and supervisor web server
 * @param hq             where HQ is and how the forwarder talks to it; empty when the node runs without HQ
 * @param gs1            the site's GS1 numbers for SSCC generation
 * @param receiving      where received stock is booked and which printer prints its pallet labels
 * @param scanners       every configured scanner, by logical id
 * @param printers       every configured printer, by logical id
 * @param handheld       the handheld web app: scan input, sessions, where picked stock waits and packing prints
 * @param dispatch       driver dispatch: ETA travel model, tracking links, customer notifications
 * @param conveyors      every configured sorter PLC ({@code conveyor.<plcId>.*}), by logical id
 */
public record EdgeConfig(
        String nodeId,
        Path dataDir,
        String jdbcUrl,
        Web web,
        Optional<Hq> hq,
        Gs1 gs1,
        Receiving receiving,
        List<Scanner> scanners,
        List<Printer> printers,
        Handheld handheld,
        dev.wedge.edge.dispatch.DispatchSettings dispatch,
        List<PlcSettings> conveyors) {

    public EdgeConfig {
        scanners = List.copyOf(scanners);
        printers = List.copyOf(printers);
        conveyors = List.copyOf(conveyors);
    }

    /** A node without conveyors, with the default handheld and dispatch settings. */
    public EdgeConfig(String nodeId, Path dataDir, String jdbcUrl, Web web, Optional<Hq> hq, Gs1 gs1,
                      Receiving receiving, List<Scanner> scanners, List<Printer> printers) {
        this(nodeId, dataDir, jdbcUrl, web, hq, gs1, receiving, scanners, printers,
                new Handheld(List.of("{GS}"), Duration.ofMillis(500), Duration.ofMinutes(30), Duration.ofHours(12),
                        "PACKING", ""),
                dev.wedge.edge.dispatch.DispatchSettings.defaults(), List.of());
    }

    /** @param host the address to bind; {@code port} 0 picks a free port */
    public record Web(String host, int port) {
    }

    /**
     * @param baseUri   HQ's base address, e.g. {@code https://hq.example:8081/}
     * @param tls       this warehouse's client certificate and HQ's CA, for {@code https}
     * @param tokenFile a file whose first line is this warehouse's bearer token, for token transport
     */
    public record Hq(URI baseUri, int batchSize, Duration pollInterval, Duration maxBackoff, Optional<TlsFiles> tls,
                     Optional<Path> tokenFile) {
    }

    /**
     * @param companyPrefix  the GS1 company prefix the site generates SSCCs under
     * @param extensionDigit the SSCC extension digit
     */
    public record Gs1(String companyPrefix, int extensionDigit) {
    }

    /** @param location the location code received stock is booked to; {@code printer} prints its labels */
    public record Receiving(String location, String printer, String shipFrom) {
    }

    /** A serial scanner: {@code role} says which flow its scans feed (only {@code receiving} today). */
    public record Scanner(String id, String role, String port, int baudRate, int dataBits, String parity,
                          int stopBits) {
        /** The Camel endpoint URI for this scanner. */
        public String endpointUri() {
            // RAW() keeps a device path with '+', '&' or '?' from being read as URI syntax.
            return "scanner:" + id + "?port=RAW(" + port + ")&baudRate=" + baudRate + "&dataBits=" + dataBits
                    + "&parity=" + parity + "&stopBits=" + stopBits;
        }
    }

    /**
     * @param gsSubstitutes   texts the handhelds' scanners type for a GS (FNC1)
     * @param duplicateWindow the same scan from one handheld again within this is a double read
     * @param sessionIdle     a login expires after this long without a request
     * @param sessionMax      and after this long in any case
     * @param packingLocation where picked stock is booked until it is loaded
     * @param packingPrinter  the printer for carton and pallet labels ("" for none)
     */
    public record Handheld(List<String> gsSubstitutes, Duration duplicateWindow, Duration sessionIdle,
                           Duration sessionMax, String packingLocation, String packingPrinter) {
        public Handheld {
            gsSubstitutes = List.copyOf(gsSubstitutes);
        }
    }

    /** A ZPL printer reached over raw TCP. */
    public record Printer(String id, String host, int port) {
    }

    public Optional<Scanner> scanner(String id) {
        return scanners.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
