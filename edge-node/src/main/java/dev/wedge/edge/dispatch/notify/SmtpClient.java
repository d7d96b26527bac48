package dev.wedge.edge.dispatch.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A minimal SMTP client (RFC 5321) for plain-text customer e-mails through the site's relay: EHLO (HELO if the
 * relay does not speak ESMTP), MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT. No TLS or authentication: it
 * is meant for a relay on the site's own network. One message per connection; thread-safe (holds no state).
 */
public final class SmtpClient {
    private final String host;
    private final int port;
    private final String from;
    private final Duration timeout;

    public SmtpClient(String host, int port, String from, Duration timeout) {
        this.host = host;
        this.port = port;
        this.from = requireAddress(from);
        this.timeout = timeout;
    }

    /**
     * Sends one message; throws IOException naming the step the relay refused, {@link RecipientRefusedException}
     * when it refused the recipient for good.
     */
    public void send(String to, String subject, String text) throws IOException {
        requireAddress(to);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, 220, "greeting");
            if (command(out, in, "EHLO wedge") != 250) {
                require(command(out, in, "HELO wedge"), 250, "HELO");
            }
            require(command(out, in, "MAIL FROM:<" + from + ">"), 250, "MAIL FROM");
            int recipient = command(out, in, "RCPT TO:<" + to + ">");
            if (recipient >= 500 && recipient < 600) {
                throw new RecipientRefusedException("SMTP relay answered " + recipient + " to RCPT TO " + to
                        + ": the recipient is refused for good");
            }
            require(recipient, 250, "RCPT TO " + to);
            require(command(out, in, "DATA"), 354, "DATA");
            write(out, message(to, subject, text) + ".\r\n");
            expect(in, 250, "message");
            command(out, in, "QUIT");
        }
    }

    private String message(String to, String subject, String text) {
        StringBuilder m = new StringBuilder();
        m.append("From: <").append(from).append(">\r\n");
        m.append("To: <").append(to).append(">\r\n");
        m.append("Subject: ").append(subject.replaceAll("[\\r\\n]", " ")).append("\r\n");
        m.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now())).append("\r\n");
        m.append("Message-ID: <").append(UUID.randomUUID()).append("@wedge>\r\n");
        m.append("MIME-Version: 1.0\r\n");
        m.append("Content-Type: text/plain; charset=US-ASCII\r\n\r\n");
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String ascii = line.replaceAll("[^\\x20-\\x7E\\t]", "?");
            m.append(ascii.startsWith(".") ? "." + ascii : ascii).append("\r\n");
        }
        return m.toString();
    }

    private static int command(OutputStream out, BufferedReader in, String line) throws IOException {
        write(out, line + "\r\n");
        return reply(in);
    }

    private static void expect(BufferedReader in, int code, String step) throws IOException {
        require(reply(in), code, step);
    }

    private static void require(int got, int code, String step) throws IOException {
        if (got != code) {
            throw new IOException("SMTP relay answered " + got + " to " + step + ", expected " + code);
        }
    }

    /** Reads one reply, following continuation lines ({@code 250-...}), and returns its code. */
    private static int reply(BufferedReader in) throws IOException {
        while (true) {
            String line = in.readLine();
            if (line == null || line.length() < 3) {
                throw new IOException("SMTP relay closed the connection or sent '" + line + "'");
            }
            if (line.length() == 3 || line.charAt(3) != '-') {
                try {
                    return Integer.parseInt(line.substring(0, 3));
                } catch (NumberFormatException e) {
                    throw new IOException("SMTP relay sent a reply without a code: '" + line + "'");
                }
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String requireAddress(String address) {
        if (address == null || !address.matches("[^\\s<>@]+@[^\\s<>@]+")) {
            throw new IllegalArgumentException("'" + address + "' is not an e-mail address");
        }
        return address;
    }
}
