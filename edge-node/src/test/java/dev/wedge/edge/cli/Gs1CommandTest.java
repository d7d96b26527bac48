package dev.wedge.edge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class Gs1CommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Gs1Command());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printsTheElementsTitlesAndBracketedFormAsOneJsonObject() throws Exception {
        int status = run("parse", "]C10109521234543213" + "10ABC<GS>3103000125");

        assertThat(status).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(out.toString().strip().lines()).hasSize(1);
        assertThat(json.get("elements")).hasSize(3);
        assertThat(json.get("elements").get(0).get("ai").asText()).isEqualTo("01");
        assertThat(json.get("elements").get(0).get("value").asText()).isEqualTo("09521234543213");
        assertThat(json.get("elements").get(0).get("title").asText()).isEqualTo("GTIN");
        assertThat(json.get("elements").get(2).get("decimal").asText()).isEqualTo("0.125");
        assertThat(json.get("bracketed").asText()).isEqualTo("(01)09521234543213(10)ABC(3103)000125");
        assertThat(json.get("fnc1").asText()).isEqualTo("0109521234543213" + "10ABC\u001D3103000125");
        assertThat(json.get("digitalLink").asText())
                .isEqualTo("https://id.gs1.org/01/09521234543213/10/ABC?3103=000125");
    }

    @Test
    void readsADigitalLinkUri() throws Exception {
        int status = run("parse", "https://id.example.com/01/09521234543213/21/S-9?17=261231");

        assertThat(status).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("bracketed").asText()).isEqualTo("(01)09521234543213(21)S-9(17)261231");
    }

    @Test
    void reportsBadDataOnOneStderrLineWithExitStatusTwo() {
        int status = run("parse", "(01)09521234543214");

        assertThat(status).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip().lines()).singleElement().asString()
                .contains("BAD_CHECK_DIGIT").contains("(01)").contains("position");
    }

    @Test
    void showsTheDateOfADateAiWithDay00AsTheLastDayOfTheMonth() throws Exception {
        int status = run("parse", "(01)09521234543213(17)240200(11)250615");

        assertThat(status).isZero();
        JsonNode elements = new ObjectMapper().readTree(out.toString()).get("elements");
        assertThat(elements.get(1).get("date").asText()).isEqualTo("2024-02-29");
        assertThat(elements.get(2).get("date").asText()).isEqualTo("2025-06-15");
        assertThat(elements.get(0).has("date")).isFalse();
    }
}
