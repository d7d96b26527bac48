package dev.wedge.label.bench;

import dev.wedge.label.preview.ZplRenderer;
import dev.wedge.label.template.PalletLabel;
import dev.wedge.label.template.LogisticLabelTemplate;
import dev.wedge.scanner.gs1.Gtin;
import dev.wedge.scanner.gs1.Sscc;
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
    public record Results(double labelsPerSecond, int labelBytes, double previewMillisMedian) {
    }

    private LabelBenchmark() {
    }

    public static void main(String[] args) {
        Results r = run(Double.parseDouble(args.length > 0 ? args[0] : "3"));
        System.out.printf(Locale.ROOT, "ZPL generation: %,.0f labels/s (goal >= 50,000)%n", r.labelsPerSecond());
        System.out.printf(Locale.ROOT, "label size:     %,d bytes (goal <= 4,096)%n", r.labelBytes());
        System.out.printf(Locale.ROOT, "preview:        %.1f ms median at 203 dpi (goal <= 50 ms)%n", r.previewMillisMedian());
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
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                sink += template.render(labels[(int) (count++ % labels.length)]).length();
            }
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        String zpl = template.render(labels[0]);
        int bytes = zpl.getBytes(StandardCharsets.UTF_8).length;
        double preview = previewMedian(zpl);
        if (sink == 42) {
            System.out.println();
        }
        return new Results(rate, bytes, preview);
    }

    private static double previewMedian(String zpl) {
        ZplRenderer renderer = new ZplRenderer();
        for (int i = 0; i < 20; i++) {
            ZplRenderer.toPng(renderer.render(zpl).get(0));
        }
        double[] times = new double[40];
        for (int i = 0; i < times.length; i++) {
            long t = System.nanoTime();
            ZplRenderer.toPng(renderer.render(zpl).get(0));
            times[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
