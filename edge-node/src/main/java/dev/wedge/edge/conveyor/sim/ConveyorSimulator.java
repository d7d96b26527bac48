package dev.wedge.edge.conveyor.sim;

import dev.wedge.edge.conveyor.opcua.CryptoProviders;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.X509IdentityValidator;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated sorter PLC: an Eclipse Milo OPC UA server exposing a {@link SorterModel} as {@link
 * dev.wedge.edge.conveyor.SorterNodes}. {@link #stop()} and {@link #start()} again act as a PLC restart: the
 * endpoint goes away and comes back on the same port while the belt's state survives.
 */
public final class ConveyorSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConveyorSimulator.class);
    private static final String PATH = "/wedge-sorter";

    private final SorterModel model;
    private final SimulatorSecurity security;
    private final String host;
    private int port;
    private OpcUaServer server;
    private SorterNamespace namespace;

    /** @param port the TCP port; 0 picks a free one on the first start and keeps it for restarts */
    public ConveyorSimulator(SorterModel model, SimulatorSecurity security, String host, int port) {
        this.model = model;
        this.security = security;
        this.host = host;
        this.port = port;
    }

    /** Starts serving; returns the port. */
    public synchronized int start() throws Exception {
        if (server != null) {
            return port;
        }
        if (port == 0) {
            port = freePort();
        }
        CryptoProviders.ensure();
        OpcUaServer s = new OpcUaServer(config(), profile -> {
            if (profile != TransportProfile.TCP_UASC_UABINARY) {
                throw new IllegalArgumentException("the simulator speaks opc.tcp only, not " + profile);
            }
            // A restarted PLC binds its port again at once, whatever sockets of the last run linger.
            return new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder()
                    .setBootstrapCustomizer(b -> b.option(ChannelOption.SO_REUSEADDR, true)).build());
        });
        SorterNamespace ns = new SorterNamespace(s, model);
        ns.startup();
        s.startup().get(10, TimeUnit.SECONDS);
        server = s;
        namespace = ns;
        LOG.info("conveyor simulator serving {}", endpointUrl());
        return port;
    }

    /** Stops serving; the belt keeps its state but inducts nothing until {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        model.detach();
        try {
            namespace.shutdown();
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("conveyor simulator did not stop cleanly: {}", e.toString());
        }
        server = null;
        namespace = null;
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** The secure endpoint URL clients connect to. */
    public String endpointUrl() {
        return "opc.tcp://" + host + ":" + port + PATH;
    }

    /** The unsecured discovery endpoint clients ask for the secure endpoints. */
    public String discoveryUrl() {
        return endpointUrl() + "/discovery";
    }

    public SorterModel model() {
        return model;
    }

    public X509Certificate certificate() {
        return security.certificate();
    }

    private OpcUaServerConfig config() throws Exception {
        MemoryTrustListManager trust = new MemoryTrustListManager();
        trust.setTrustedCertificates(new ArrayList<>(security.trustedClients()));
        MemoryCertificateStore store = new MemoryCertificateStore();
        store.set(NodeIds.RsaSha256ApplicationCertificateType, new CertificateStore.Entry(
                security.keyPair().getPrivate(), new X509Certificate[]{security.certificate()}));
        MemoryCertificateQuarantine quarantine = new MemoryCertificateQuarantine();
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trust, store,
                new RsaSha256CertificateFactory() {
                    @Override
                    protected X509Certificate[] createRsaSha256CertificateChain(java.security.KeyPair keyPair) {
                        return new X509Certificate[]{security.certificate()};
                    }
                }, new DefaultServerCertificateValidator(trust, quarantine));
        UsernameIdentityValidator users = new UsernameIdentityValidator(
                c -> c.getPassword() != null && c.getPassword().equals(security.users().get(c.getUsername())));
        X509IdentityValidator x509 = new X509IdentityValidator(
                cert -> security.trustedClients().stream().anyMatch(cert::equals));
        return OpcUaServerConfig.builder()
                .setApplicationUri(SimulatorSecurity.APPLICATION_URI)
                .setProductUri("urn:wedge:conveyor-simulator:product")
                .setApplicationName(LocalizedText.english("Wedge conveyor simulator"))
                .setEndpoints(endpoints())
                .setCertificateManager(new DefaultCertificateManager(quarantine, group))
                .setIdentityValidator(new CompositeValidator(users, x509))
                .setLimits(new SorterLimits())
                .build();
    }

    private Set<EndpointConfig> endpoints() {
        Set<EndpointConfig> set = new LinkedHashSet<>();
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(host).setBindPort(port).setHostname(host).setPath(PATH)
                .setCertificate(security.certificate())
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME, OpcUaServerConfig.USER_TOKEN_POLICY_X509);
        for (SecurityPolicy p : security.policies()) {
            set.add(base.copy().setSecurityPolicy(p).setSecurityMode(MessageSecurityMode.SignAndEncrypt).build());
        }
        if (security.offerNone()) {
            set.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                    .addTokenPolicy(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS).build());
        }
        // Clients need an unsecured channel to ask which secure endpoints exist (OPC UA Part 12, /discovery).
        set.add(base.copy().setPath(PATH + "/discovery").setSecurityPolicy(SecurityPolicy.None)
                .setSecurityMode(MessageSecurityMode.None).build());
        return set;
    }

    /** Sorters publish fast: allow publishing intervals down to 1 ms. */
    private static final class SorterLimits implements OpcUaServerConfigLimits {
        @Override
        public Double getMinPublishingInterval() {
            return 1.0;
        }

        @Override
        public Double getDefaultPublishingInterval() {
            return 5.0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** For logs and tests: the endpoints this simulator offers. */
    public synchronized List<String> offeredPolicies() {
        List<String> list = new ArrayList<>();
        security.policies().forEach(p -> list.add(p.name()));
        if (security.offerNone()) {
            list.add(SecurityPolicy.None.name());
        }
        return list;
    }
}
