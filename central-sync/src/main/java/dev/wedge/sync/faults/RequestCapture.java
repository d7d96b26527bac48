package dev.wedge.sync.faults;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the client-to-server byte stream of one HTTP/1.1 connection into whole requests (headers plus a
 * {@code Content-Length} body), so that the proxy can replay a complete old request later.
 */
final class RequestCapture {
    private static final int LIMIT = 8 * 1024 * 1024;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Adds bytes and returns every request they complete. */
    List<byte[]> add(byte[] chunk, int length) {
        List<byte[]> complete = new ArrayList<>();
        if (pending.size() + length > LIMIT) {
            pending.reset();
            return complete;
        }
        pending.write(chunk, 0, length);
        while (true) {
            byte[] all = pending.toByteArray();
            int headerEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (headerEnd < 0) {
                return complete;
            }
            int bodyLength = contentLength(new String(all, 0, headerEnd, StandardCharsets.US_ASCII));
            int total = headerEnd + 4 + bodyLength;
            if (all.length < total) {
                return complete;
            }
            byte[] request = new byte[total];
            System.arraycopy(all, 0, request, 0, total);
            complete.add(request);
            pending.reset();
            pending.write(all, total, all.length - total);
        }
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
