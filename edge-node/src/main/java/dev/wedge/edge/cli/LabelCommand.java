package dev.wedge.edge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wedge.label.model.Dpi;
import dev.wedge.label.preview.RenderOptions;
import dev.wedge.label.preview.ZplRenderer;
import dev.wedge.label.template.LabelTemplate;
import dev.wedge.label.template.TemplateLibrary;
import dev.wedge.label.template.TemplateVariable;
import dev.wedge.label.template.VariableType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wedge label}: label tools. {@code render FILE.zpl --png OUT.png} draws a ZPL file as PNG,
 * {@code templates} lists the label templates with their variables, {@code make --template NAME --set K=V...}
 * prints a filled template's ZPL. {@code render} and {@code templates} print one JSON object on stdout;
 * {@code make} prints the ZPL itself, ready to send to a printer. Bad input exits 2 with a one-line reason on
 * stderr; a file that cannot be read or written exits 1.
 */
@Command(name = "label", description = "Label tools: render ZPL to PNG, list templates, make a label from a template.",
        mixinStandardHelpOptions = true,
        subcommands = {LabelCommand.Render.class, LabelCommand.Templates.class, LabelCommand.Make.class})
public final class LabelCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;
    static final int IO_FAILURE = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("label: name a subcommand: render, templates or make");
        return BAD_INPUT;
    }

    static int fail(CommandSpec spec, int code, String reason) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + reason.replace('\n', ' '));
        return code;
    }

    static void printJson(CommandSpec spec, ObjectNode node) {
        spec.commandLine().getOut().println(node.toString());
        spec.commandLine().getOut().flush();
    }

    static TemplateLibrary library(Path directory) {
        TemplateLibrary library = TemplateLibrary.builtIn();
        return directory == null ? library : library.withDirectory(directory);
    }

    /** {@code label render FILE.zpl --png OUT.png}. */
    @Command(name = "render", description = "Render a ZPL file to PNG (one PNG per label; later ones get -2, -3...).",
            mixinStandardHelpOptions = true)
    static final class Render implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.zpl", description = "ZPL file to render")
        Path file;

        @Option(names = "--png", required = true, paramLabel = "OUT.png", description = "where to write the image")
        Path png;

        @Option(names = "--dpi", defaultValue = "203", description = "printer resolution: 203, 300 or 600")
        int dpi;

        @Option(names = "--width-dots", defaultValue = "0", paramLabel = "DOTS",
                description = "image width; 0 (default) takes the label's ^PW, else 4 inches")
        int widthDots;

        @Option(names = "--length-dots", defaultValue = "0", paramLabel = "DOTS",
                description = "image length; 0 (default) takes the label's ^LL, else 6 inches, as a printer set"
                        + " for longer labels would not")
        int lengthDots;

        @Override
        public Integer call() {
            Dpi resolution;
            RenderOptions options;
            String zpl;
            try {
                resolution = Dpi.of(dpi);
                options = new RenderOptions(resolution.dotsPerMm(), widthDots, lengthDots);
                zpl = decode(Files.readAllBytes(file));
            } catch (IllegalArgumentException e) {
                return fail(spec, BAD_INPUT, e.getMessage());
            } catch (NoSuchFileException e) {
                return fail(spec, BAD_INPUT, "file " + file + " does not exist");
            } catch (IOException e) {
                return fail(spec, IO_FAILURE, "cannot read " + file + ": " + e.getMessage());
            }
            long start = System.nanoTime();
            List<BufferedImage> images;
            try {
                images = new ZplRenderer().render(zpl, options);
            } catch (IllegalArgumentException e) {
                return fail(spec, BAD_INPUT, file + ": " + e.getMessage());
            }
            if (images.isEmpty()) {
                return fail(spec, BAD_INPUT, file + " holds no ^XA..^XZ label format");
            }
            double millis = (System.nanoTime() - start) / 1e6;
            ArrayNode written = JSON.createArrayNode();
            try {
                for (int i = 0; i < images.size(); i++) {
                    Path out = i == 0 ? png : numbered(png, i + 1);
                    Files.write(out, ZplRenderer.toPng(images.get(i)));
                    written.add(out.toString());
                }
            } catch (IOException | UncheckedIOException e) {
                return fail(spec, IO_FAILURE, "cannot write " + png + ": " + e.getMessage());
            }
            ObjectNode result = JSON.createObjectNode();
            result.put("file", file.toString());
            result.put("labels", images.size());
            result.set("png", written);
            result.put("dpi", resolution.dotsPerInch());
            result.put("widthDots", images.get(0).getWidth());
            result.put("heightDots", images.get(0).getHeight());
            result.put("renderMillis", Math.round(millis * 10) / 10.0);
            printJson(spec, result);
            return 0;
        }

        /**
         * ZPL files are UTF-8 when they use {@code ^CI28}; older ones are in an 8-bit code page, read here as
         * Latin-1 so that they render rather than fail.
         */
        private static String decode(byte[] bytes) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }

        private static Path numbered(Path png, int n) {
            String name = png.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String numbered = dot < 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot);
            return png.resolveSibling(numbered);
        }
    }

    /** {@code label templates}. */
    @Command(name = "templates", description = "List the label templates and their variables.",
            mixinStandardHelpOptions = true)
    static final class Templates implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", description = "site directory of *.label templates")
        Path directory;

        @Override
        public Integer call() {
            TemplateLibrary library;
            try {
                library = library(directory);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                return fail(spec, BAD_INPUT, e.getMessage());
            }
            ArrayNode templates = JSON.createArrayNode();
            for (LabelTemplate t : library.all()) {
                ObjectNode node = templates.addObject();
                node.put("name", t.name());
                node.put("description", t.description());
                node.put("widthMm", t.width());
                node.put("lengthMm", t.length());
                ArrayNode variables = node.putArray("variables");
                for (TemplateVariable v : t.variables()) {
                    ObjectNode var = variables.addObject();
                    var.put("name", v.name());
                    var.put("type", v.type().templateName());
                    var.put("required", v.required());
                    if (v.type() == VariableType.INT) {
                        var.put("min", v.min());
                    }
                    var.put("max", v.max());
                    var.put("description", v.description());
                }
            }
            ObjectNode result = JSON.createObjectNode();
            result.set("templates", templates);
            printJson(spec, result);
            return 0;
        }
    }

    /** {@code label make --template NAME --set KEY=VALUE...}. */
    @Command(name = "make", description = "Print the ZPL of a template filled with the given values.",
            mixinStandardHelpOptions = true)
    static final class Make implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--template", required = true, paramLabel = "NAME", description = "template name")
        String template;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "a variable's value; repeat for each")
        Map<String, String> values = new LinkedHashMap<>();

        @Option(names = "--dpi", defaultValue = "203", description = "printer resolution: 203, 300 or 600")
        int dpi;

        @Option(names = "--dir", paramLabel = "DIR", description = "site directory of *.label templates")
        Path directory;

        @Override
        public Integer call() {
            String zpl;
            try {
                zpl = library(directory).get(template).toZpl(values, Dpi.of(dpi));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                return fail(spec, BAD_INPUT, e.getMessage());
            }
            spec.commandLine().getOut().print(zpl);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LabelCommand()).execute(args));
    }
}
