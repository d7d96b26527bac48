package dev.wedge.edge.dispatch.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SMTP server on loopback that accepts every message and keeps it, for notification tests; it refuses the
 * recipient {@code unknown@...} for good (550) and {@code busy@...} for now (451).
 */
final class LoopbackSmtpServer implements AutoCloseable {
    /** One received message: envelope and the DATA text (dot-stuffing undone). */
    record Mail(String from, String to, String data) {
    }

    private final ServerSocket socket;
    private final List<Mail> mails = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    LoopbackSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "test-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Mail> mails() {
        return List.copyOf(mails);
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                converse(s);
            } catch (IOException e) {
                // closed by the test, or a client went away: wait for the next one
            }
        }
    }

    private void converse(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        say(out, "220 loopback ESMTP");
        String from = null;
        String to = null;
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase();
            if (upper.startsWith("EHLO")) {
                say(out, "250-loopback\r\n250 8BITMIME");
            } else if (upper.startsWith("MAIL FROM:")) {
                from = line.substring(10).replaceAll("[<>]", "");
                say(out, "250 OK");
            } else if (upper.startsWith("RCPT TO:")) {
                to = line.substring(8).replaceAll("[<>]", "");
                // Test addresses: unknown@ is refused for good, busy@ only for now.
                say(out, to.startsWith("unknown@") ? "550 no such user" : to.startsWith("busy@") ? "451 try later"
                        : "250 OK");
            } else if (upper.equals("DATA")) {
                say(out, "354 go ahead");
                StringBuilder data = new StringBuilder();
                String l;
                while ((l = in.readLine()) != null && !l.equals(".")) {
                    data.append(l.startsWith("..") ? l.substring(1) : l).append('\n');
                }
                mails.add(new Mail(from, to, data.toString()));
                say(out, "250 queued");
            } else if (upper.equals("QUIT")) {
                say(out, "221 bye");
                return;
            } else {
                say(out, "502 not implemented");
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
