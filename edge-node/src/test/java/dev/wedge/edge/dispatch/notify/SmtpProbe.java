package dev.wedge.edge.dispatch.notify;

import java.io.IOException;
import java.util.List;

/** Opens {@link LoopbackSmtpServer} to tests in other packages. */
public final class SmtpProbe implements AutoCloseable {
    /** One received message. */
    public record Mail(String from, String to, String data) {
    }

    private final LoopbackSmtpServer server;

    private SmtpProbe(LoopbackSmtpServer server) {
        this.server = server;
    }

    public static SmtpProbe start() throws IOException {
        return new SmtpProbe(new LoopbackSmtpServer());
    }

    public int port() {
        return server.port();
    }

    public List<Mail> mails() {
        return server.mails().stream().map(m -> new Mail(m.from(), m.to(), m.data())).toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
