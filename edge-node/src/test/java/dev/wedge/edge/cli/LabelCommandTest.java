package dev.wedge.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LabelCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cli = new CommandLine(new LabelCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void listsTheTemplatesWithTheirVariablesAsOneJsonObject() throws Exception {
        assertThat(run("templates")).isZero();

        JsonNode templates = json().get("templates");
        assertThat(templates).extracting(t -> t.get("name").asText())
                .containsExactly("gs1-logistic", "shipping", "product-lot", "location");
        assertThat(templates.get(0).get("variables")).anySatisfy(v -> {
            assertThat(v.get("name").asText()).isEqualTo("sscc");
            assertThat(v.get("required").asBoolean()).isTrue();
        });
    }

    @Test
    void makesTheZplOfATemplateWithEscapedValues() {
        int code = run("make", "--template", "location", "--set", "location=A-01-02-3", "--set", "zone=^XZ~JR Zoë");

        assertThat(code).isZero();
        assertThat(out.toString()).startsWith("^XA").contains("^FH_^FD_5EXZ_7EJR Zo_C3_AB^FS").endsWith("^XZ\n");
    }

    @Test
    void rejectsAMissingRequiredValueWithOneLineOnStderr() {
        int code = run("make", "--template", "location", "--set", "zone=north");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip()).contains("location is required").doesNotContain("\n");
    }

    @Test
    void rendersAZplFileToPngAndDescribesItAsJson() throws Exception {
        Path zpl = dir.resolve("label.zpl");
        Files.writeString(zpl, "^XA^PW400^LL200^FO20,20^A0N,30,30^FDHello^FS^FO20,80^BY2^BCN,60,N^FD>:ABC123^FS^XZ");
        Path png = dir.resolve("out.png");

        assertThat(run("render", zpl.toString(), "--png", png.toString())).isZero();

        JsonNode result = json();
        assertThat(result.get("labels").asInt()).isEqualTo(1);
        assertThat(result.get("widthDots").asInt()).isEqualTo(400);
        assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(200);
    }

    @Test
    void rejectsAFileThatDoesNotExist() {
        int code = run("render", dir.resolve("missing.zpl").toString(), "--png", dir.resolve("x.png").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist");
    }

    @Test
    void rendersAZplFileWrittenInLatin1RatherThanUtf8() throws Exception {
        // ZPL without ^CI28 is an 8-bit code page; files from older systems are not UTF-8.
        Path zpl = dir.resolve("latin1.zpl");
        Files.write(zpl, "^XA^PW400^LL200^FO20,20^A0N,30,30^FDK\u00f6ln Stra\u00dfe^FS^XZ"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path png = dir.resolve("latin1.png");

        assertThat(run("render", zpl.toString(), "--png", png.toString())).as(err.toString()).isZero();

        assertThat(json().get("labels").asInt()).isEqualTo(1);
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(400);
    }

    @Test
    void rendersALabelLongerThanSixInchesWhenTheLengthIsGiven() throws Exception {
        Path zpl = dir.resolve("long.zpl");
        Files.writeString(zpl, "^XA^PW812^FO20,1500^A0N,30,30^FDbottom line^FS^XZ");
        Path png = dir.resolve("long.png");

        assertThat(run("render", zpl.toString(), "--png", png.toString(), "--length-dots", "1626"))
                .as(err.toString()).isZero();

        assertThat(json().get("heightDots").asInt()).isEqualTo(1626);
        java.awt.image.BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getHeight()).isEqualTo(1626);
        assertThat(java.util.stream.IntStream.range(0, 400).anyMatch(x -> (image.getRGB(x, 1515) & 0xff) < 128))
                .as("the bottom line is drawn").isTrue();
    }

    @Test
    void rejectsAnImpossibleImageSizeNamingIt() {
        Path zpl = dir.resolve("any.zpl");

        int code = run("render", zpl.toString(), "--png", dir.resolve("x.png").toString(), "--length-dots", "-5");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("-5");
    }
}
