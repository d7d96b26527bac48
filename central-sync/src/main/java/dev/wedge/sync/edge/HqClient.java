package dev.wedge.sync.edge;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.BatchAnswer;
import dev.wedge.sync.wire.Gzip;
import dev.wedge.sync.wire.InboundAck;
import dev.wedge.sync.wire.InboundPage;
import dev.wedge.sync.wire.WireCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLParameters;

/**
 * Talks HTTP(S) to HQ: posts batches (optionally gzip), reads answers, probes health. Network trouble, a
 * malformed answer and 5xx are retryable; 401/403 are {@code NOT_AUTHORISED}.
 */
final class HqClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(800);
    private static final int MAX_ANSWER = 64 * 1024 * 1024;

    private final HttpClient client;
    private final URI batches;
    private final URI health;
    private final EdgeCredentials credentials;
    private final ForwarderSettings settings;

    HqClient(URI hqBaseUri, EdgeCredentials credentials, ForwarderSettings settings) {
        String base = hqBaseUri.toString();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.batches = URI.create(base + "/sync/v1/batches");
        this.health = URI.create(base + "/sync/v1/health");
        this.credentials = credentials;
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT);
        if (credentials.sslContext() != null) {
            SSLParameters params = credentials.sslContext().getDefaultSSLParameters();
            params.setProtocols(new String[] {"TLSv1.3"});
            builder.sslContext(credentials.sslContext()).sslParameters(params);
        }
        this.client = builder.build();
    }

    /** A batch encoded (and compressed when so configured) for {@link #send(EncodedBatch)}. */
    record EncodedBatch(String warehouseId, byte[] body) {
    }

    BatchAnswer send(Batch batch) throws InterruptedException {
        return send(encode(batch));
    }

    /** The request body of a batch; done apart from sending so that it can overlap another batch's send. */
    EncodedBatch encode(Batch batch) {
        byte[] json = WireCodec.toJson(batch);
        return new EncodedBatch(batch.warehouseId(), settings.compress() ? Gzip.compress(json) : json);
    }

    BatchAnswer send(EncodedBatch batch) throws InterruptedException {
        HttpRequest.Builder request = authorised(HttpRequest.newBuilder(batches))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept-Encoding", Gzip.ENCODING);
        if (settings.compress()) {
            request.header("Content-Encoding", Gzip.ENCODING);
        }
        HttpResponse<byte[]> response = exchange(request.POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()))
                .build());
        int status = response.statusCode();
        if (status >= 500) {
            throw new SyncException(SyncErrorCode.HQ_UNREACHABLE, "HQ answered " + status + ": " + text(response));
        }
        if (status != 200) {
            throw new SyncException(status == 401 || status == 403 ? SyncErrorCode.NOT_AUTHORISED
                    : SyncErrorCode.PROTOCOL_VIOLATION, "HQ refused the batch with " + status + ": " + text(response));
        }
        BatchAnswer answer = WireCodec.fromJson(body(response), BatchAnswer.class);
        if (!answer.warehouseId().equals(batch.warehouseId())) {
            throw new SyncException(SyncErrorCode.PROTOCOL_VIOLATION, "HQ answered for warehouse "
                    + answer.warehouseId() + " instead of " + batch.warehouseId());
        }
        return answer;
    }

    /** One page of HQ's downward stream after {@code after}. */
    InboundPage fetchInbound(String warehouseId, long after, int limit) throws InterruptedException {
        URI uri = URI.create(health.toString().replace("/health", "/inbound") + "?warehouse=" + warehouseId
                + "&after=" + after + "&limit=" + limit);
        HttpResponse<byte[]> response = exchange(authorised(HttpRequest.newBuilder(uri))
                .timeout(settings.requestTimeout()).GET().build());
        check(response, "inbound page");
        InboundPage page = WireCodec.fromJson(response.body(), InboundPage.class);
        if (!page.warehouseId().equals(warehouseId)) {
            throw new SyncException(SyncErrorCode.PROTOCOL_VIOLATION, "HQ answered inbound for " + page.warehouseId());
        }
        return page;
    }

    /** Tells HQ that everything up to the ack's cursor is applied. */
    void ackInbound(InboundAck ack) throws InterruptedException {
        URI uri = URI.create(health.toString().replace("/health", "/inbound/acks"));
        HttpResponse<byte[]> response = exchange(authorised(HttpRequest.newBuilder(uri))
                .timeout(settings.requestTimeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(WireCodec.toJson(ack))).build());
        check(response, "inbound acknowledgement");
    }

    private static void check(HttpResponse<byte[]> response, String what) {
        int status = response.statusCode();
        if (status >= 500) {
            throw new SyncException(SyncErrorCode.HQ_UNREACHABLE, "HQ answered " + status + " to " + what);
        }
        if (status != 200) {
            throw new SyncException(status == 401 || status == 403 ? SyncErrorCode.NOT_AUTHORISED
                    : SyncErrorCode.PROTOCOL_VIOLATION, "HQ refused " + what + " with " + status + ": "
                    + text(response));
        }
    }

    /** True when HQ's health endpoint answers 200 within a short timeout. */
    boolean probe() throws InterruptedException {
        try {
            HttpRequest request = authorised(HttpRequest.newBuilder(health)).timeout(PROBE_TIMEOUT).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder b) {
        return credentials.token() == null ? b : b.header("Authorization", "Bearer " + credentials.token());
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SyncException(SyncErrorCode.HQ_UNREACHABLE, "HQ at " + batches + " unreachable: " + e, e);
        }
    }

    private static byte[] body(HttpResponse<byte[]> response) {
        boolean gzip = response.headers().firstValue("Content-Encoding").filter(Gzip.ENCODING::equalsIgnoreCase)
                .isPresent();
        if (!gzip) {
            return response.body();
        }
        try {
            return Gzip.decompress(new ByteArrayInputStream(response.body()), MAX_ANSWER);
        } catch (IOException e) {
            throw new SyncException(SyncErrorCode.PROTOCOL_VIOLATION, "HQ's gzip answer is corrupt: " + e, e);
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return body.length() > 300 ? body.substring(0, 300) : body;
    }
}
