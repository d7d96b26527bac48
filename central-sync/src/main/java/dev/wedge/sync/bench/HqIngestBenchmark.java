package dev.wedge.sync.bench;

import dev.wedge.sync.hq.HqServer;
import dev.wedge.sync.hq.HqSettings;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.BatchAnswer;
import dev.wedge.sync.wire.RecordEnvelope;
import dev.wedge.sync.wire.WireCodec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** HQ alone: several synthetic warehouses post ready-made batches concurrently; counts acknowledged records/s. */
public final class HqIngestBenchmark {
    private HqIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("wedge-hq-ingest").resolve("hq");
        System.out.println(WireCodec.mapper().writeValueAsString(
                run("jdbc:derby:" + dir + ";create=true", 4, 100_000, 2000)));
    }

    /** Runs the measurement against a new, empty HQ store at {@code jdbcUrl} and returns its figures. */
    public static Map<String, Object> run(String jdbcUrl, int warehouses, int perWarehouse, int batchSize)
            throws Exception {
        HqServer hq = new HqServer(HqSettings.local(jdbcUrl));
        hq.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong acked = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(warehouses);
        long t0 = System.nanoTime();
        long cpu0 = SyncBenchmark.cpuNanos();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < warehouses; w++) {
                String id = "WH-INGEST-" + w;
                done.add(pool.submit(() -> {
                    post(http, hq, id, perWarehouse, batchSize, acked);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = SyncBenchmark.seconds(t0);
        double cpu = (SyncBenchmark.cpuNanos() - cpu0) / 1e9;
        hq.stop();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("warehouses", warehouses);
        out.put("records", acked.get());
        out.put("seconds", SyncBenchmark.round(seconds));
        out.put("ackedRatePerSecond", Math.round(acked.get() / seconds));
        out.put("cpuSeconds", SyncBenchmark.round(cpu));
        // The CPU time includes the synthetic warehouses' own JSON encoding and HTTP client.
        out.put("ackedRatePerCpuSecond", Math.round(acked.get() / cpu));
        return out;
    }

    private static void post(HttpClient http, HqServer hq, String id, int total, int batchSize, AtomicLong acked)
            throws Exception {
        Instant now = Instant.now();
        for (long from = 1; from <= total; from += batchSize) {
            List<RecordEnvelope> records = new ArrayList<>(batchSize);
            for (long s = from; s < from + batchSize && s <= total; s++) {
                records.add(new RecordEnvelope(s, id + ":" + s, "movement", 5, now, "{\"movementNo\":" + s
                        + ",\"product\":\"P-" + (s % 500) + "\",\"qty\":1}"));
            }
            byte[] body = WireCodec.toJson(new Batch(id, records));
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(hq.uri().resolve("/sync/v1/batches"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            BatchAnswer answer = WireCodec.fromJson(r.body(), BatchAnswer.class);
            acked.addAndGet(answer.acks().stream().filter(a -> a.stored()).count());
        }
    }
}
