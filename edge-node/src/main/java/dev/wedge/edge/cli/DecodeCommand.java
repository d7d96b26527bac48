package dev.wedge.edge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.scanner.image.DecodedBarcode;
import dev.wedge.scanner.image.ImageDecodeException;
import dev.wedge.scanner.image.ImageDecoder;
import dev.wedge.scanner.image.ImagePoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code wedge decode IMAGE...}: decodes the first barcode in each image and prints one JSON object per image
 * and line ({@code file}, {@code text}, {@code symbology}, {@code format}, {@code position}). An image that
 * cannot be decoded gets a one-line reason on stderr; the exit status is then 1.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode the barcode in each image (PNG, JPEG) with GS1 handling; one JSON object per line.")
public final class DecodeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files to decode.")
    private List<Path> images = new ArrayList<>();

    private final ObjectMapper json = new ObjectMapper();
    private final ImageDecoder decoder = new ImageDecoder();

    @Override
    public Integer call() throws Exception {
        int failed = 0;
        for (Path image : images) {
            try {
                DecodedBarcode barcode = decoder.decode(image);
                spec.commandLine().getOut().println(json.writeValueAsString(toJson(image, barcode)));
            } catch (ImageDecodeException e) {
                failed++;
                spec.commandLine().getErr().println("decode: " + e.reason() + ": " + e.getMessage());
            }
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return failed == 0 ? 0 : 1;
    }

    private static Map<String, Object> toJson(Path image, DecodedBarcode barcode) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", image.toString());
        out.put("text", barcode.text());
        out.put("symbology", barcode.symbology());
        out.put("format", barcode.format());
        List<Map<String, Float>> points = new ArrayList<>();
        for (ImagePoint p : barcode.position()) {
            // Ordered, so every run prints x before y.
            Map<String, Float> point = new java.util.LinkedHashMap<>();
            point.put("x", p.x());
            point.put("y", p.y());
            points.add(point);
        }
        out.put("position", points);
        return out;
    }
}
