package dev.wedge.edge.conveyor;

import dev.wedge.edge.conveyor.sim.LabPki;
import dev.wedge.edge.conveyor.sim.SimulatorSecurity;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** Certificates made fresh for each test in its temp dir (nothing committed). User {@code sorter}/{@code sorter-pw}. */
public final class TestPki {

    public static final String APPLICATION_URI = "urn:wedge:edge:test";
    public static final String USER_PASSWORD = "sorter-pw";

    public final LabPki lab;
    public final Path trustDir;
    public final X509Certificate clientCertificate;

    private TestPki(LabPki lab) {
        this.lab = lab;
        this.trustDir = lab.trustDir;
        this.clientCertificate = lab.clientCertificate;
    }

    public static TestPki create(Path dir) throws Exception {
        return new TestPki(LabPki.create(dir, APPLICATION_URI, "test-only"));
    }

    public SimulatorSecurity simulatorTrustingClient() throws Exception {
        return lab.simulatorTrustingWedge(USER_PASSWORD);
    }

    public void trust(X509Certificate plcCertificate, String name) throws Exception {
        lab.trust(plcCertificate, name);
    }

    public PlcSettings.PlcSecurity security(String policy, boolean insecureForLab, Optional<String> user) {
        return lab.security(policy, insecureForLab, user, USER_PASSWORD);
    }
}
