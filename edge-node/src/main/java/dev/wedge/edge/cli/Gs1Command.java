package dev.wedge.edge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wedge.scanner.gs1.AiElement;
import dev.wedge.scanner.gs1.ElementString;
import dev.wedge.scanner.gs1.Gs1Parser;
import dev.wedge.scanner.gs1.Gs1SyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code wedge gs1 parse TEXT}: parses GS1 data (scan data with a symbology identifier, FNC1 data with GS, the
 * bracketed form, or a GS1 Digital Link URI) and prints one JSON object: {@code elements} (ai, value, title and,
 * for measures, decimal; for dates, date as yyyy-mm-dd with a day 00 read as the last of the month),
 * {@code bracketed}, {@code fnc1} (GS-separated data) and {@code digitalLink} (null when no AI is a Digital Link
 * key).
 * On a command line, write GS as {@code <GS>} or {@code \x1D}. Bad data: one line on stderr naming the code,
 * the AI and the position, and exit status 2.
 */
@Command(name = "gs1", mixinStandardHelpOptions = true, description = "GS1 element string tools.")
public final class Gs1Command {

    /** Exit status for data that is not valid GS1. */
    public static final int INVALID_DATA = 2;

    @Spec
    private CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();

    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = "Parse GS1 data and print its elements, bracketed form, FNC1 data and Digital Link URI.")
    int parse(@Parameters(paramLabel = "TEXT", description = "The data; write GS as <GS> or \\x1D.") String text)
            throws Exception {
        String data = text.replace("<GS>", "\u001D").replace("\\x1D", "\u001D").replace("\\x1d", "\u001D");
        ElementString parsed;
        try {
            parsed = Gs1Parser.parse(data);
        } catch (Gs1SyntaxException e) {
            spec.commandLine().getErr().println("gs1 parse: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return INVALID_DATA;
        }
        spec.commandLine().getOut().println(json.writeValueAsString(toJson(parsed)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static Map<String, Object> toJson(ElementString parsed) {
        List<Map<String, String>> elements = new ArrayList<>();
        for (AiElement e : parsed.elements()) {
            Map<String, String> element = new LinkedHashMap<>();
            element.put("ai", e.ai());
            element.put("value", e.value());
            element.put("title", e.title());
            e.decimalValue().ifPresent(d -> element.put("decimal", d.toPlainString()));
            e.dateValue().ifPresent(d -> element.put("date", d.toString()));
            elements.add(element);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("elements", elements);
        out.put("bracketed", parsed.bracketed());
        out.put("fnc1", parsed.fnc1Data());
        try {
            out.put("digitalLink", parsed.digitalLinkUri());
        } catch (Gs1SyntaxException e) {
            // Without a Digital Link key (a lot number alone, say) there is no URI to give.
            out.put("digitalLink", null);
        }
        return out;
    }
}
