package dev.wedge.label.virtual;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One client connection to a {@link VirtualZebraPrinter}: reads the byte stream, answers queries and hands
 * each complete {@code ^XA..^XZ} format to the printer. Bytes are kept one char per byte (Latin-1) until a
 * format is complete, so a UTF-8 sequence split across reads is never decoded in halves.
 */
final class VirtualPrinterSession implements Runnable {

    private final VirtualZebraPrinter printer;
    private final Socket socket;
    private final StringBuilder buffer = new StringBuilder();

    VirtualPrinterSession(VirtualZebraPrinter printer, Socket socket) {
        this.printer = printer;
        this.socket = socket;
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Already broken; nothing left to release.
        }
    }

    @Override
    public void run() {
        byte[] chunk = new byte[4096];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buffer.append(new String(chunk, 0, n, StandardCharsets.ISO_8859_1));
                if (!process(out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away or the printer was stopped: the session simply ends.
        } finally {
            printer.sessionEnded(this);
        }
    }

    /** Handles everything complete in the buffer; false when the session must end now. */
    private boolean process(OutputStream out) throws IOException {
        while (true) {
            trimLeadingWhitespace();
            if (buffer.length() > 0 && buffer.charAt(0) == '!') {
                int eol = buffer.indexOf("\n");
                if (eol < 0) {
                    return true;
                }
                reply(out, printer.answerSgd(buffer.substring(0, eol).trim()));
                buffer.delete(0, eol + 1);
                continue;
            }
            // Queries and formats are handled in the order they arrived.
            int query = firstControlCommand();
            int format = buffer.indexOf("^XA");
            if (query >= 0 && (format < 0 || query < format)) {
                String command = buffer.substring(query, query + 3);
                buffer.delete(query, query + 3);
                if (command.equals("~HS")) {
                    reply(out, printer.hostStatusReply());
                } else {
                    printer.setPaused(command.equals("~PP"));
                }
                continue;
            }
            int start = buffer.indexOf("^XA");
            if (start < 0) {
                keepOnlyPossiblePrefix();
                return true;
            }
            if (printer.takeDropBeforeNextLabel()) {
                buffer.setLength(0);
                return false;
            }
            int end = buffer.indexOf("^XZ", start);
            if (end < 0) {
                return true;
            }
            String zpl = new String(buffer.substring(start, end + 3).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            buffer.delete(0, end + 3);
            printer.accept(zpl);
            if (printer.takeDropAfterNextLabel()) {
                return false;
            }
        }
    }

    /** Where the first control command the virtual printer acts on starts: ~HS, ~PS (start) or ~PP (pause). */
    private int firstControlCommand() {
        int first = -1;
        for (String command : new String[] {"~HS", "~PS", "~PP"}) {
            int at = buffer.indexOf(command);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    private void reply(OutputStream out, String text) throws IOException {
        if (text == null) {
            return;
        }
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void trimLeadingWhitespace() {
        int i = 0;
        while (i < buffer.length() && Character.isWhitespace(buffer.charAt(i))) {
            i++;
        }
        buffer.delete(0, i);
    }

    /** Drops text that can never become a command, keeping a tail that might be the start of one. */
    private void keepOnlyPossiblePrefix() {
        int lastCommand = Math.max(buffer.lastIndexOf("^"), buffer.lastIndexOf("~"));
        if (lastCommand < 0 || lastCommand < buffer.length() - 2) {
            buffer.setLength(0);
        } else {
            buffer.delete(0, lastCommand);
        }
    }
}
