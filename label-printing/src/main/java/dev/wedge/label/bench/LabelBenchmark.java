package dev.wedge.label.bench;

import dev.wedge.label.preview.ZplRenderer;
import dev.wedge.label.template.PalletLabel;
import dev.wedge.label.template.LogisticLabelTemplate;
import dev.wedge.scanner.gs1.Gtin;
import dev.wedge.scanner.gs1.Sscc;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the GS1 logistic label (4 x 6 in, 203 dpi, no raster graphics): how many labels per second the
 * template and ZPL writer produce on one thread, how large one label is, and how long one preview takes.
 * Goals: at least 50,000 labels/s, at most 4 KB, at most 50 ms. Not a test: it prints figures.
 */
public final class LabelBenchmark {

    /** The figures of one run. */
    public record Results(double labelsPerSecond, double labelsPerCpuSecond, int labelBytes,
                          double previewMillisMedian, double previewCpuMillisMedian) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LabelBenchmark() {
    }

    public static void main(String[] args) {
        Results r = run(Double.parseDouble(args.length > 0 ? args[0] : "3"));
        // On a shared machine the wall clock includes waiting for a CPU; the thread's CPU time does not.
        System.out.printf(Locale.ROOT, "ZPL generation: %,.0f labels/s wall clock, %,.0f labels per CPU second"
                + " (goal >= 50,000)%n", r.labelsPerSecond(), r.labelsPerCpuSecond());
        System.out.printf(Locale.ROOT, "label size:     %,d bytes (goal <= 4,096)%n", r.labelBytes());
        System.out.printf(Locale.ROOT, "preview:        %.1f ms wall clock, %.1f ms CPU, median at 203 dpi"
                + " (goal <= 50 ms)%n", r.previewMillisMedian(), r.previewCpuMillisMedian());
    }

    /** Runs for about {@code seconds} of generation plus 60 previews. */
    public static Results run(double seconds) {
        LogisticLabelTemplate template = new LogisticLabelTemplate();
        PalletLabel[] labels = new PalletLabel[64];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = new PalletLabel(Sscc.of(3, "4012345", 1000 + i), Gtin.parse("4012345000016"),
                    "Tomatoes, cherry, 12 x 250 g, crate " + i, 48 + i, "L2026-" + i, LocalDate.of(2026, 12, 31),
                    "Wedge Fresh DC\nIndustriestrasse 4\n4020 Linz");
        }
        long sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += template.render(labels[i % labels.length]).length();
        }
        long count = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                sink += template.render(labels[(int) (count++ % labels.length)]).length();
            }
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        double cpuRate = count / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        String zpl = template.render(labels[0]);
        int bytes = zpl.getBytes(StandardCharsets.UTF_8).length;
        double[] preview = previewMedians(zpl);
        if (sink == 42) {
            System.out.println();
        }
        return new Results(rate, cpuRate, bytes, preview[0], preview[1]);
    }

    /** Median wall-clock and CPU milliseconds to render the label and encode it as PNG. */
    private static double[] previewMedians(String zpl) {
        ZplRenderer renderer = new ZplRenderer();
        for (int i = 0; i < 20; i++) {
            ZplRenderer.toPng(renderer.render(zpl).get(0));
        }
        double[] wall = new double[40];
        double[] cpu = new double[40];
        for (int i = 0; i < wall.length; i++) {
            long t = System.nanoTime();
            long c = THREADS.getCurrentThreadCpuTime();
            ZplRenderer.toPng(renderer.render(zpl).get(0));
            wall[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {wall[wall.length / 2], cpu[cpu.length / 2]};
    }
}
