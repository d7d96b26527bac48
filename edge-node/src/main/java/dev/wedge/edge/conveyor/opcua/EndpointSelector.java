package dev.wedge.edge.conveyor.opcua;

import dev.wedge.edge.conveyor.PlcSettings;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;

/**
 * Picks the endpoint Wedge opens a session on: exactly the configured security policy in SignAndEncrypt mode.
 * Security mode None and the deprecated policies (Basic128Rsa15, Basic256) are only taken when the PLC's
 * configuration says it is a lab bench.
 */
public final class EndpointSelector {

    private EndpointSelector() {
    }

    /**
     * @param offered  what the PLC's discovery endpoint returned
     * @param security the configured security
     * @param target   the configured endpoint URL; its host and port replace the advertised ones, since PLCs
     *                 often advertise a name the edge cannot resolve
     */
    public static EndpointDescription choose(List<EndpointDescription> offered, PlcSettings.PlcSecurity security,
                                             URI target) throws PlcSecurityException {
        SecurityPolicy policy;
        try {
            policy = SecurityPolicy.valueOf(security.policy());
        } catch (IllegalArgumentException e) {
            throw new PlcSecurityException("unknown security policy " + security.policy());
        }
        boolean insecure = policy == SecurityPolicy.None || policy == SecurityPolicy.Basic128Rsa15
                || policy == SecurityPolicy.Basic256;
        if (insecure && !security.insecureForLab()) {
            throw new PlcSecurityException("security policy " + policy + " is refused outside a lab");
        }
        MessageSecurityMode mode = policy == SecurityPolicy.None ? MessageSecurityMode.None
                : MessageSecurityMode.SignAndEncrypt;
        for (EndpointDescription e : offered) {
            if (policy.getUri().equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == mode) {
                return rewrite(e, target);
            }
        }
        throw new PlcSecurityException("the PLC offers no " + policy + " " + mode + " endpoint; it offers "
                + offered.stream().map(e -> SecurityPolicy.fromUriSafe(e.getSecurityPolicyUri())
                        .map(Enum::name).orElse(e.getSecurityPolicyUri()) + "/" + e.getSecurityMode())
                .distinct().collect(Collectors.joining(", ")));
    }

    private static EndpointDescription rewrite(EndpointDescription e, URI target) {
        URI advertised = URI.create(e.getEndpointUrl());
        String url = "opc.tcp://" + target.getHost() + ":" + (target.getPort() < 0 ? 4840 : target.getPort())
                + (advertised.getRawPath() == null ? "" : advertised.getRawPath());
        return new EndpointDescription(url, e.getServer(), e.getServerCertificate(), e.getSecurityMode(),
                e.getSecurityPolicyUri(), e.getUserIdentityTokens(), e.getTransportProfileUri(), e.getSecurityLevel());
    }
}
