package dev.wedge.sync.edge;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.BatchAnswer;
import dev.wedge.sync.wire.WireCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts batches to HQ over HTTP and reads the answer. Network trouble and 5xx answers are retryable. */
final class HttpBatchSender {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI batches;

    HttpBatchSender(URI hqBaseUri) {
        String base = hqBaseUri.toString();
        this.batches = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/sync/v1/batches");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    BatchAnswer send(Batch batch) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(batches)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(WireCodec.toJson(batch)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SyncException(SyncErrorCode.HQ_UNREACHABLE, "HQ at " + batches + " unreachable: " + e, e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new SyncException(SyncErrorCode.HQ_UNREACHABLE, "HQ answered " + status + ": " + text(response));
        }
        if (status != 200) {
            throw new SyncException(status == 401 || status == 403 ? SyncErrorCode.NOT_AUTHORISED
                    : SyncErrorCode.PROTOCOL_VIOLATION, "HQ refused the batch with " + status + ": " + text(response));
        }
        BatchAnswer answer = WireCodec.fromJson(response.body(), BatchAnswer.class);
        if (!answer.warehouseId().equals(batch.warehouseId())) {
            throw new SyncException(SyncErrorCode.PROTOCOL_VIOLATION, "HQ answered for warehouse "
                    + answer.warehouseId() + " instead of " + batch.warehouseId());
        }
        return answer;
    }

    private static String text(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        return body.length() > 300 ? body.substring(0, 300) : body;
    }
}
