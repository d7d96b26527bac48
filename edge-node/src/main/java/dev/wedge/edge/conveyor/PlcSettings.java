package dev.wedge.edge.conveyor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sorter PLC, configured by logical id under {@code conveyor.<plcId>.*}.
 *
 * @param plcId              the logical id ({@code conveyor.sorter-1.endpoint} gives {@code sorter-1})
 * @param endpoint           the PLC's OPC UA endpoint URL, {@code opc.tcp://host:port/path}
 * @param discoveryEndpoint  where to ask for the endpoints (the endpoint itself unless the PLC has a separate one)
 * @param sampling           requested sampling interval of the induction node (0: report every change)
 * @param publishing         requested publishing interval of the subscription
 * @param budget             the time Wedge gives itself to decide, from the notification's arrival
 * @param security           security policy, certificates, trust store and user identity
 * @param lanes              number of lanes the sorter has
 * @param defaultLane        where a known parcel goes when no rule matches or the decision is over budget
 * @param rejectLane         where no-reads and unknown barcodes go
 * @param rules              lane rules, first match wins
 */
public record PlcSettings(String plcId, URI endpoint, URI discoveryEndpoint, Duration sampling, Duration publishing,
                          Duration budget, PlcSecurity security, int lanes, int defaultLane, int rejectLane,
                          List<LaneRule> rules) {

    public PlcSettings {
        Objects.requireNonNull(plcId, "plcId");
        Objects.requireNonNull(endpoint, "endpoint");
        discoveryEndpoint = discoveryEndpoint == null ? endpoint : discoveryEndpoint;
        Objects.requireNonNull(security, "security");
        rules = List.copyOf(rules);
        if (!"opc.tcp".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("conveyor." + plcId + ".endpoint '" + endpoint
                    + "' must start with opc.tcp://");
        }
        for (int lane : new int[]{defaultLane, rejectLane}) {
            if (lane < 1 || lane > lanes) {
                throw new IllegalArgumentException("conveyor." + plcId + ": lane " + lane + " is not one of 1.." + lanes);
            }
        }
        for (LaneRule r : rules) {
            if (r.lane() > lanes) {
                throw new IllegalArgumentException("conveyor." + plcId + ": a rule sends parcels to lane " + r.lane()
                        + " but the sorter has " + lanes + " lanes");
            }
        }
    }

    /**
     * How Wedge secures the session to one PLC.
     *
     * @param policy             the security policy URI's short name: Basic256Sha256 or Aes256_Sha256_RsaPss
     *                           (None, Basic128Rsa15 and Basic256 only with {@code insecureForLab})
     * @param insecureForLab     allow security mode None and the deprecated policies (a lab bench, never a floor)
     * @param keyStore           PKCS#12 file with Wedge's application key and certificate
     * @param keyStorePassword   its password
     * @param keyAlias           the entry's alias
     * @param applicationUri     Wedge's application URI; must match the certificate's SAN URI
     * @param trustDir           the operator-managed PKI folder: {@code trusted/certs} holds the PLC certificates
     *                           Wedge trusts, {@code rejected} collects the ones it refused
     * @param username           user name identity, empty to use the application certificate as X.509 identity
     * @param password           the user name's password
     */
    public record PlcSecurity(String policy, boolean insecureForLab, Path keyStore, String keyStorePassword,
                              String keyAlias, String applicationUri, Path trustDir, Optional<String> username,
                              String password) {
        public PlcSecurity {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(trustDir, "trustDir");
            username = username.filter(u -> !u.isBlank());
            password = password == null ? "" : password;
        }

        /** Whether the identity is the application certificate (X.509) rather than a user name. */
        public boolean x509Identity() {
            return username.isEmpty();
        }
    }
}
