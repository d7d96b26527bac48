package dev.wedge.edge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The load side of the scan benchmark against a small HTTP peer on loopback. */
class ScanLoadTest {

    @Test
    void aRefusedLoginEndsTheRunNamingTheHandheldWhileTheOthersAreStillLoggingIn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/session", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (body.contains("BAD-PIN")) {
                answer(exchange, 401, "{\"error\":\"wrong badge or PIN\"}");
                return;
            }
            // The other logins are slow (PIN hashing on a busy node): they answer only when the test ends.
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 503, "{}");
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            List<ScanLoad.Handheld> handhelds = List.of(new ScanLoad.Handheld("H-0", "1111", 1),
                    new ScanLoad.Handheld("H-1", "2222", 2), new ScanLoad.Handheld("H-2", "BAD-PIN", 3));

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                    () -> ScanLoad.drive(base, handhelds, 50_000_000L, 0, () -> { }))
                    .hasMessageContaining("login of H-2 answered 401"));
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    @Test
    void everyHandheldStartsAtAPointInsideItsInterval() {
        for (long interval : new long[]{1, 2, 7, 500_000, 53_333_333, 1_000_000_000_000L}) {
            for (int i = 0; i < 500; i++) {
                assertThat(ScanLoad.startOffset("BENCH-" + i, interval)).isBetween(0L, interval - 1);
            }
        }
        assertThat(ScanLoad.startOffset("BENCH-3", 53_333_333)).isEqualTo(ScanLoad.startOffset("BENCH-3", 53_333_333));
    }

    @Test
    void theSixteenBenchmarkHandheldsDoNotBunchUpInTheirInterval() {
        long interval = 1_000_000_000L * 16 / 300;
        long[] starts = new long[16];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = ScanLoad.startOffset("BENCH-" + i, interval);
        }
        // Any tenth of the interval (wrapping round) holds at most a quarter of them.
        int most = 0;
        for (long from : starts) {
            int inTenth = 0;
            for (long s : starts) {
                inTenth += Math.floorMod(s - from, interval) < interval / 10 ? 1 : 0;
            }
            most = Math.max(most, inTenth);
        }
        assertThat(most).isLessThanOrEqualTo(4);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
