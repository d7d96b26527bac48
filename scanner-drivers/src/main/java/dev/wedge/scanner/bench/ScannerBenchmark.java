package dev.wedge.scanner.bench;

import dev.wedge.scanner.frame.FramingSpec;
import dev.wedge.scanner.gs1.CheckDigit;
import dev.wedge.scanner.gs1.ElementString;
import dev.wedge.scanner.gs1.Gs1Parser;
import dev.wedge.scanner.link.Backoff;
import dev.wedge.scanner.link.LinkListener;
import dev.wedge.scanner.link.LinkReader;
import dev.wedge.scanner.serial.FlowControl;
import dev.wedge.scanner.serial.Parity;
import dev.wedge.scanner.serial.SerialLink;
import dev.wedge.scanner.serial.SerialSettings;
import dev.wedge.scanner.serial.StopBits;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints Wedge's scanner figures; not a test. GS1 parse throughput on one core (goal: at least one million element
 * strings a second), then serial ingest on four pseudo-terminal pairs (socat) at 115200 baud 8N1, paced at line
 * rate, counting frames lost or merged (goal: none) and the share of line rate achieved.
 *
 * <p>Run with {@code java -cp ... dev.wedge.scanner.bench.ScannerBenchmark [parseSeconds] [serialSeconds]}.
 */
public final class ScannerBenchmark {

    private static final int BAUD = 115_200;
    /** 8N1 sends ten bits per byte. */
    private static final int LINE_BYTES_PER_SECOND = BAUD / 10;
    private static final int PORTS = 4;

    private ScannerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double parseSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        double serialSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        parseThroughput(parseSeconds);
        serialIngest(serialSeconds);
    }

    static List<String> sampleScans(int count, long seed) {
        Random random = new Random(seed);
        List<String> scans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String gtin = String.format("%013d", Math.floorMod(random.nextLong(), 10_000_000_000_000L));
            gtin += CheckDigit.compute(gtin);
            String lot = Long.toString(Math.abs(random.nextLong()), 36).toUpperCase();
            lot = lot.substring(0, Math.min(lot.length(), 1 + random.nextInt(12)));
            String date = String.format("%02d%02d%02d", 24 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
            scans.add(switch (i % 3) {
                case 0 -> "]C101" + gtin + "17" + date + "10" + lot;
                case 1 -> "]d201" + gtin + "10" + lot + "\u001D" + "3103" + String.format("%06d", random.nextInt(999_999));
                default -> "]C101" + gtin + "21" + lot + "\u001D" + "15" + date;
            });
        }
        return scans;
    }

    static void parseThroughput(double seconds) {
        List<String> scans = sampleScans(4096, 42);
        long sink = 0;
        for (int warm = 0; warm < 300_000; warm++) {
            sink += Gs1Parser.parse(scans.get(warm & 4095)).elements().size();
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long parsed = 0;
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 4096; i++) {
                ElementString es = Gs1Parser.parse(scans.get(i));
                sink += es.elements().size();
            }
            parsed += 4096;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        // Per CPU second is the figure for one core; wall-clock time also counts time the thread waited for a core.
        System.out.printf("GS1 parse: %,d element strings on one thread: %,.0f per CPU second (goal 1,000,000),"
                + " %,.0f per wall-clock second over %.2f s [checksum %d]%n", parsed, parsed / cpuSeconds,
                parsed / elapsed, elapsed, sink % 1000);
    }

    static void serialIngest(double seconds) throws Exception {
        Path dir = Files.createTempDirectory("wedge-bench");
        List<Process> socats = new ArrayList<>();
        List<LinkReader> readers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(PORTS * 2);
        List<PortResult> results = new ArrayList<>();
        try {
            for (int p = 0; p < PORTS; p++) {
                Path device = dir.resolve("scanner" + p);
                Path feed = dir.resolve("feed" + p);
                socats.add(new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + feed)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                waitFor(device, feed);
                PortResult result = new PortResult(p);
                results.add(result);
                LinkReader reader = new LinkReader("bench-" + p, new SerialLink(new SerialSettings(device.toString(),
                        BAUD, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE)), FramingSpec.lines(4096).newFramer(),
                        StandardCharsets.ISO_8859_1, new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)), result);
                readers.add(reader);
                threads.execute(reader);
                waitUp(reader);
                threads.execute(() -> result.write(feed, seconds));
            }
            long deadline = System.nanoTime() + (long) ((seconds + 2) * 1e9);
            while (System.nanoTime() < deadline && results.stream().anyMatch(r -> !r.done())) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            TimeUnit.MILLISECONDS.sleep(300);
        } finally {
            readers.forEach(LinkReader::stop);
            threads.shutdown();
            threads.awaitTermination(5, TimeUnit.SECONDS);
            socats.forEach(Process::destroy);
        }
        long totalFrames = 0;
        long totalBad = 0;
        for (PortResult r : results) {
            System.out.println(r.report());
            totalFrames += r.received.get();
            totalBad += r.lost() + r.malformed.get();
        }
        System.out.printf("serial ingest: %d ports at %d baud 8N1 for %.1f s: %,d frames, %d lost or merged (goal 0)%n",
                PORTS, BAUD, seconds, totalFrames, totalBad);
    }

    private static void waitFor(Path device, Path feed) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!(Files.exists(device) && Files.exists(feed))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("socat did not create " + device + " within 5 s; is socat installed?");
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private static void waitUp(LinkReader reader) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!reader.status().up() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    /** Writes numbered frames at line rate into one pty and checks what the reader delivers. */
    private static final class PortResult implements LinkListener {
        final int port;
        final AtomicLong received = new AtomicLong();
        final AtomicLong malformed = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        volatile long sent;
        volatile long bytesSent;
        volatile double writeSeconds;
        volatile boolean writerDone;
        private long expected;

        PortResult(int port) {
            this.port = port;
        }

        void write(Path feed, double seconds) {
            try (OutputStream out = Files.newOutputStream(feed)) {
                long start = System.nanoTime();
                long end = start + (long) (seconds * 1e9);
                long n = 0;
                long bytes = 0;
                while (System.nanoTime() < end) {
                    byte[] frame = String.format("]C10109521234543213" + "21P%dN%09d\r\n", port, n)
                            .getBytes(StandardCharsets.ISO_8859_1);
                    out.write(frame);
                    out.flush();
                    n++;
                    bytes += frame.length;
                    long due = start + bytes * 1_000_000_000L / LINE_BYTES_PER_SECOND;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                sent = n;
                bytesSent = bytes;
                writeSeconds = (System.nanoTime() - start) / 1e9;
            } catch (IOException | InterruptedException e) {
                System.out.println("port " + port + " writer failed: " + e);
            } finally {
                writerDone = true;
            }
        }

        boolean done() {
            return writerDone && received.get() + malformed.get() >= sent;
        }

        long lost() {
            return Math.max(0, sent - received.get());
        }

        @Override
        public void onFrame(String frame, Instant receivedAt) {
            String prefix = "]C10109521234543213" + "21P" + port + "N";
            if (!frame.startsWith(prefix) || frame.length() != prefix.length() + 9) {
                malformed.incrementAndGet();
                return;
            }
            long n = Long.parseLong(frame.substring(prefix.length()));
            if (n != expected) {
                outOfOrder.incrementAndGet();
            }
            expected = n + 1;
            received.incrementAndGet();
        }

        String report() {
            double rate = bytesSent / Math.max(writeSeconds, 1e-9);
            return String.format("  port %d: sent %,d frames (%,.0f B/s = %.1f%% of line rate %,d B/s), received %,d,"
                            + " lost %d, merged or malformed %d, out of order %d", port, sent, rate,
                    100.0 * rate / LINE_BYTES_PER_SECOND, LINE_BYTES_PER_SECOND, received.get(), lost(), malformed.get(),
                    outOfOrder.get());
        }
    }
}
