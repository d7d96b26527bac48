package dev.wedge.edge.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Path templates of the node's APIs ({@code /api/pick-tasks/{taskId}/scans}): matching a request path and naming
 * the parameters. Each template is compiled to a regular expression once, not per request and route.
 */
public final class PathTemplate {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private PathTemplate() {
    }

    /** The decoded path parameters, in order, when {@code actual} matches {@code template}; else null. */
    public static List<String> match(String template, String actual) {
        Matcher m = COMPILED.computeIfAbsent(template, PathTemplate::compile).matcher(actual);
        if (!m.matches()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            values.add(URLDecoder.decode(m.group(i), StandardCharsets.UTF_8));
        }
        return values;
    }

    /** The parameter names of {@code template}, in order. */
    public static List<String> parameters(String template) {
        Matcher names = PARAM.matcher(template);
        List<String> keys = new ArrayList<>();
        while (names.find()) {
            keys.add(names.group(1));
        }
        return keys;
    }

    private static Pattern compile(String template) {
        Matcher names = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (names.find()) {
            regex.append(Pattern.quote(template.substring(last, names.start()))).append("([^/]+)");
            last = names.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
