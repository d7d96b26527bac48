package dev.wedge.sync.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Gzip for sync bodies ({@code Content-Encoding: gzip}). */
public final class Gzip {
    /** Header value of gzip content encoding. */
    public static final String ENCODING = "gzip";

    private Gzip() {
    }

    /** Compresses bytes (fast level: batches are mostly repetitive JSON). */
    public static byte[] compress(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("In-memory gzip failed", e);
        }
        return out.toByteArray();
    }

    /** Reads at most {@code limit} decompressed bytes; more is an error. */
    public static byte[] decompress(InputStream compressed, int limit) throws IOException {
        try (InputStream in = new GZIPInputStream(compressed, 8192)) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new IOException("Decompressed body is larger than " + limit + " bytes");
            }
            return body;
        }
    }
}
