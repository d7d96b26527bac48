package dev.wedge.edge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The load side of the scan benchmark: N handhelds that log in and scan location, item and quantity for every
 * task of their wave over HTTP, paced so that all of them together aim at the target rate. Latency is taken
 * per request at the client. Runs inside the benchmark's JVM or, through {@link #main}, in a JVM of its own so
 * that the simulated handhelds do not take the node's CPU time for their own work.
 */
public final class ScanLoad {

    /** One simulated handheld: its login and the wave it picks. */
    public record Handheld(String badge, String pin, long waveId) {
        public Handheld {
            if (badge == null || !badge.matches("[A-Za-z0-9_-]{1,40}") || pin == null || pin.isEmpty()) {
                throw new IllegalArgumentException("a handheld needs a badge of letters, digits, '-' or '_' and a"
                        + " PIN, got '" + badge + "'");
            }
        }

        /** {@code badge:pin:wave}, the form {@link #main} reads. */
        String arg() {
            return badge + ":" + pin + ":" + waveId;
        }

        static Handheld parse(String arg) {
            String[] p = arg.split(":", 3);
            if (p.length != 3) {
                throw new IllegalArgumentException("a handheld is badge:pin:wave, got '" + arg + "'");
            }
            return new Handheld(p[0], p[1], Long.parseLong(p[2]));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScanLoad() {
    }

    /** What {@link #main} prints when the warm-up ends, before its figures. */
    static final String MEASURING = "measuring";

    /**
     * Args: base URI, interval between one handheld's scans in nanoseconds, warm-up in nanoseconds, then one
     * badge:pin:wave each. Prints {@link #MEASURING} when the warm-up ends, then one line of JSON; if the run
     * fails, prints one line with the reason instead and exits 1 (so a handheld still waiting cannot keep this
     * JVM, and the benchmark reading it, running).
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ScanLoad BASE_URI INTERVAL_NANOS WARMUP_NANOS BADGE:PIN:WAVE...");
            System.exit(2);
        }
        List<Handheld> handhelds = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            handhelds.add(Handheld.parse(args[i]));
        }
        try {
            ObjectNode out = drive(URI.create(args[0]), handhelds, Long.parseLong(args[1]), Long.parseLong(args[2]),
                    () -> {
                        System.out.println(MEASURING);
                        System.out.flush();
                    });
            System.out.println(out.toString());
        } catch (Exception e) {
            System.out.println("the scan load failed: " + e.getMessage());
            System.out.flush();
            System.exit(1);
        }
    }

    /**
     * Where in its interval a handheld sends its first scan: a fixed draw per badge in [0, intervalNanos), so
     * runs repeat. SplittableRandom mixes its seed; the first draws of {@code new Random(seed)} for badges whose
     * hash codes differ by one are close together (BENCH-0..15: 11 of 16 within a sixth of the interval).
     */
    static long startOffset(String badge, long intervalNanos) {
        return new SplittableRandom(badge.hashCode()).nextLong(intervalNanos);
    }

    /**
     * Drives every handheld to the end of its wave. All handhelds log in first; the clock starts when the last
     * one has, so logins (PIN hashing, a JVM starting) are not part of the warm-up. Scans sent in the first
     * {@code warmupNanos} after that warm the node (and this JVM) up and are reported apart, under
     * {@code warmUp}; the top-level figures (scans, refusals, elapsed time, throughput, percentiles) are those of
     * the scans sent after it. {@code onMeasuring} runs once when the warm-up ends. If a handheld fails (its
     * login refused, say), the run ends at once with that handheld's reason, the others stopped.
     */
    public static ObjectNode drive(URI base, List<Handheld> handhelds, long intervalNanos, long warmupNanos,
            Runnable onMeasuring) throws Exception {
        if (handhelds.isEmpty() || intervalNanos < 1 || warmupNanos < 0) {
            throw new IllegalArgumentException("the load needs a handheld, a positive scan interval and a warm-up of"
                    + " 0 or more, got " + handhelds.size() + " handhelds, " + intervalNanos + " and " + warmupNanos
                    + " ns");
        }
        AtomicLong refused = new AtomicLong();
        AtomicLong refusedInWarmUp = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(handhelds.size() + 1);
        AtomicLong measureFrom = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        CyclicBarrier loggedIn = new CyclicBarrier(handhelds.size(), () -> {
            measureFrom.set(System.nanoTime() + warmupNanos);
            started.countDown();
        });
        CompletionService<Picker.Latencies> pickers = new ExecutorCompletionService<>(pool);
        for (Handheld h : handhelds) {
            pickers.submit(() -> new Picker(base, h, intervalNanos, refused, refusedInWarmUp)
                    .pickAll(loggedIn, measureFrom, firstFailure));
        }
        Future<?> signal = pool.submit(() -> {
            started.await();
            LockSupport.parkNanos(Math.max(0, measureFrom.get() - System.nanoTime()));
            onMeasuring.run();
            return null;
        });
        List<Picker.Latencies> latencies;
        try {
            latencies = collect(pickers, handhelds.size(), firstFailure);
        } finally {
            signal.cancel(true);
            pool.shutdownNow();
        }
        long ended = System.nanoTime();
        long[] measured = latencies.stream().flatMapToLong(l -> Arrays.stream(l.measured())).sorted().toArray();
        long[] warm = latencies.stream().flatMapToLong(l -> Arrays.stream(l.warmUp())).sorted().toArray();
        double elapsed = Math.max(1, ended - Math.min(measureFrom.get(), ended)) / 1e9;
        ObjectNode out = figures(measured, refused.get(), elapsed);
        if (warmupNanos > 0) {
            out.set("warmUp", figures(warm, refusedInWarmUp.get(), warmupNanos / 1e9));
        }
        return out;
    }

    /**
     * Every handheld's latencies, taken in the order they finish, so the first failure ends the run at once
     * (reported as the failure a handheld recorded first, not as another's broken barrier).
     */
    private static List<Picker.Latencies> collect(CompletionService<Picker.Latencies> pickers, int count,
            AtomicReference<Exception> firstFailure) throws Exception {
        List<Picker.Latencies> latencies = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                latencies.add(pickers.take().get());
            }
        } catch (ExecutionException e) {
            Exception first = firstFailure.get();
            throw first != null ? first : e;
        }
        return latencies;
    }

    private static ObjectNode figures(long[] sorted, long refused, double seconds) {
        ObjectNode out = JSON.createObjectNode();
        out.put("scans", sorted.length);
        out.put("refused", refused);
        out.put("seconds", Math.round(seconds * 100) / 100.0);
        out.put("scansPerSecond", Math.round(sorted.length / seconds * 10) / 10.0);
        out.put("p50Ms", ms(sorted, 0.50));
        out.put("p90Ms", ms(sorted, 0.90));
        out.put("p99Ms", ms(sorted, 0.99));
        out.put("maxMs", ms(sorted, 1.0));
        return out;
    }

    private static double ms(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        return Math.round(sortedNanos[Percentiles.nearestRank(sortedNanos.length, q * 100)] / 10_000.0) / 100.0;
    }

    /** One handheld: logs in, then scans every task of its wave at its pace. */
    private static final class Picker {
        private final URI base;
        private final Handheld handheld;
        private final long intervalNanos;
        private final AtomicLong refused;
        private final AtomicLong refusedInWarmUp;
        private final HttpClient http = HttpClient.newHttpClient();
        private String cookie;
        private String csrf;

        /** Latencies of the scans sent during the warm-up and after it. */
        record Latencies(long[] warmUp, long[] measured) {
        }

        Picker(URI base, Handheld handheld, long intervalNanos, AtomicLong refused, AtomicLong refusedInWarmUp) {
            this.base = base;
            this.handheld = handheld;
            this.intervalNanos = intervalNanos;
            this.refused = refused;
            this.refusedInWarmUp = refusedInWarmUp;
        }

        /**
         * Logs in, waits at {@code loggedIn} for the other handhelds, then scans; a scan sent before
         * {@code measureFrom} (set when the last handheld has logged in) counts as warm-up.
         */
        Latencies pickAll(CyclicBarrier loggedIn, AtomicLong measureFrom, AtomicReference<Exception> firstFailure)
                throws Exception {
            logIn(loggedIn, firstFailure);
            List<Long> warmUp = new ArrayList<>();
            List<Long> measured = new ArrayList<>();
            // Handhelds on a floor do not scan in step: each starts at its own point of its interval, or all of
            // them would send at the same instant every interval.
            long next = System.nanoTime() + startOffset(handheld.badge(), intervalNanos);
            JsonNode task = JSON.readTree(send("GET", "/api/waves/" + handheld.waveId() + "/next-task", null).body())
                    .path("task");
            String gtin = null;
            while (!task.isNull() && !task.isMissingNode()) {
                if (gtin == null) {
                    gtin = task.path("gtin").asText();
                }
                JsonNode after = null;
                for (String scan : List.of(task.path("location").asText(), gtin, "1")) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    next += intervalNanos;
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = send("POST", "/api/pick-tasks/" + task.path("taskId").asLong() + "/scans",
                            JSON.createObjectNode().put("scan", scan).toString());
                    boolean warming = t0 < measureFrom.get();
                    (warming ? warmUp : measured).add(System.nanoTime() - t0);
                    if (r.statusCode() != 200) {
                        (warming ? refusedInWarmUp : refused).incrementAndGet();
                    } else {
                        after = JSON.readTree(r.body());
                    }
                }
                task = after == null ? JSON.nullNode() : after.path("next");
            }
            return new Latencies(warmUp.stream().mapToLong(Long::longValue).toArray(),
                    measured.stream().mapToLong(Long::longValue).toArray());
        }

        /**
         * Logs in and waits for the other handhelds; a failure is recorded as the run's first (unless another
         * handheld's came before) and breaks the barrier, so the handhelds waiting at it stop too.
         */
        private void logIn(CyclicBarrier loggedIn, AtomicReference<Exception> firstFailure) throws Exception {
            try {
                HttpResponse<String> login = send("POST", "/api/session", JSON.createObjectNode()
                        .put("badge", handheld.badge()).put("pin", handheld.pin()).toString());
                if (login.statusCode() / 100 != 2) {
                    throw new IllegalStateException("login of " + handheld.badge() + " answered "
                            + login.statusCode() + ": " + login.body());
                }
                cookie = login.headers().firstValue("Set-Cookie").orElseThrow(() -> new IllegalStateException(
                        "login of " + handheld.badge() + " set no session cookie")).split(";", 2)[0];
                csrf = JSON.readTree(login.body()).path("csrfToken").asText();
                loggedIn.await(2, TimeUnit.MINUTES);
            } catch (BrokenBarrierException e) {
                throw e; // another handheld failed first and recorded why
            } catch (TimeoutException e) {
                throw fail(loggedIn, firstFailure, new IllegalStateException(handheld.badge()
                        + " waited 2 minutes for the other handhelds to log in", e));
            } catch (IllegalStateException e) {
                throw fail(loggedIn, firstFailure, e);
            } catch (Exception e) {
                throw fail(loggedIn, firstFailure, new IllegalStateException("login of " + handheld.badge()
                        + " failed: " + e, e));
            }
        }

        private static Exception fail(CyclicBarrier loggedIn, AtomicReference<Exception> firstFailure,
                Exception e) {
            firstFailure.compareAndSet(null, e);
            loggedIn.reset();
            return e;
        }

        private HttpResponse<String> send(String method, String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("X-Wedge-Device",
                    handheld.badge());
            if (cookie != null) {
                b.header("Cookie", cookie).header("X-CSRF-Token", csrf);
            }
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
