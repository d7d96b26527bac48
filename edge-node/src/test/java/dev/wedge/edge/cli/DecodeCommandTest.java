package dev.wedge.edge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsOneJsonLinePerImageAndAReasonForAnImageWithoutBarcode() throws Exception {
        Path qr = dir.resolve("loc.png");
        MatrixToImageWriter.writeToPath(new MultiFormatWriter().encode("LOC-A-01-02", BarcodeFormat.QR_CODE, 300, 300,
                Map.of(EncodeHintType.MARGIN, 4)), "png", qr);
        Path code128 = dir.resolve("sscc.png");
        MatrixToImageWriter.writeToPath(new MultiFormatWriter().encode("\u00f100376104250021234569",
                BarcodeFormat.CODE_128, 400, 120, Map.of(EncodeHintType.MARGIN, 10)), "png", code128);
        Path junk = Files.writeString(dir.resolve("junk.png"), "not an image");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DecodeCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int status = cli.execute(qr.toString(), code128.toString(), junk.toString());

        assertThat(status).isEqualTo(1);
        List<String> lines = out.toString().strip().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertThat(first.get("file").asText()).isEqualTo(qr.toString());
        assertThat(first.get("text").asText()).isEqualTo("LOC-A-01-02");
        assertThat(first.get("symbology").asText()).isEqualTo("]Q1");
        assertThat(first.get("position")).isNotEmpty();
        JsonNode second = mapper.readTree(lines.get(1));
        assertThat(second.get("symbology").asText()).isEqualTo("]C1");
        assertThat(second.get("text").asText()).isEqualTo("00376104250021234569");
        assertThat(err.toString()).contains("junk.png").contains("NOT_AN_IMAGE");
    }
}
