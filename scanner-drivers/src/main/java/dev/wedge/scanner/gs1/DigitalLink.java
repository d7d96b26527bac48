package dev.wedge.scanner.gs1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GS1 Digital Link URIs: {@code https://domain/optional/stem/KEY/value[/QUALIFIER/value...][?AI=value&...]}.
 * Reading finds the primary key as the rightmost AI pair whose AI is a Digital Link key, takes the pairs to its
 * right as its qualifiers (in one of the key's permitted orders), and the numeric query parameters as data
 * attributes; other query parameters and the fragment are ignored. Writing does the reverse.
 */
final class DigitalLink {

    static final String DEFAULT_STEM = "https://id.gs1.org";

    /** The short names GS1 Digital Link permits in place of the numeric keys and qualifiers. */
    private static final Map<String, String> CONVENIENCE = Map.ofEntries(
            Map.entry("gtin", "01"), Map.entry("itip", "8006"), Map.entry("cpv", "22"), Map.entry("lot", "10"),
            Map.entry("ser", "21"), Map.entry("sscc", "00"), Map.entry("gdti", "253"), Map.entry("gcn", "255"),
            Map.entry("gsrn", "8018"), Map.entry("gsrnp", "8017"), Map.entry("srin", "8019"), Map.entry("gln", "414"),
            Map.entry("glnx", "254"), Map.entry("party", "417"), Map.entry("payto", "415"), Map.entry("giai", "8004"),
            Map.entry("grai", "8003"), Map.entry("gsin", "402"), Map.entry("ginc", "401"), Map.entry("cpid", "8010"),
            Map.entry("cpsn", "8011"), Map.entry("gmn", "8013"), Map.entry("refno", "8020"), Map.entry("tpx", "235"));
    private static final String URI_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            + "-._~:/?#[]@!$&'()*+,;=%";
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private DigitalLink() {
    }

    static boolean looksLikeUri(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** True when the text starts with http:// or https:// written all in lower or all in upper case. */
    static boolean hasDigitalLinkScheme(String s) {
        return s.startsWith("http://") || s.startsWith("https://") || s.startsWith("HTTP://") || s.startsWith("HTTPS://");
    }

    private static Gs1SyntaxException bad(String ai, int position, String detail) {
        return new Gs1SyntaxException(Gs1Error.BAD_DIGITAL_LINK, ai, position, detail);
    }

    static Gs1Parser.Positioned parse(String uri, Gs1Parser parser) {
        int schemeEnd = uri.indexOf("://");
        String scheme = uri.substring(0, schemeEnd);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
            throw bad(null, 0, "the scheme '" + scheme + "' must be all lower or all upper case");
        }
        for (int i = 0; i < uri.length(); i++) {
            if (URI_CHARS.indexOf(uri.charAt(i)) < 0) {
                throw bad(null, i, "character '" + Gs1Parser.printable(String.valueOf(uri.charAt(i)))
                        + "' is not allowed in a URI");
            }
        }
        int hash = uri.indexOf('#');
        String body = hash < 0 ? uri : uri.substring(0, hash);
        int hostStart = schemeEnd + 3;
        int pathStart = indexOfAny(body, "/?", hostStart);
        int hostEnd = pathStart < 0 ? body.length() : pathStart;
        checkHost(body.substring(hostStart, hostEnd), hostStart);
        if (pathStart < 0 || body.charAt(pathStart) != '/') {
            throw bad(null, hostEnd, "the URI has no path with a GS1 key");
        }
        int q = body.indexOf('?', pathStart);
        String path = q < 0 ? body.substring(pathStart) : body.substring(pathStart, q);
        String query = q < 0 ? "" : body.substring(q + 1);
        List<AiElement> elements = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<List<String>> compatible = readPath(path, pathStart, parser, elements, positions);
        readQuery(query, q + 1, parser, compatible, elements, positions);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            if (!seen.add(elements.get(i).ai())) {
                throw bad(elements.get(i).ai(), positions.get(i), "(" + elements.get(i).ai() + ") appears twice");
            }
        }
        return new Gs1Parser.Positioned(elements, positions);
    }

    private static void checkHost(String host, int at) {
        if (host.isEmpty()) {
            throw bad(null, at, "the URI has no domain");
        }
        String name = host;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || !host.substring(1, close).matches("[0-9A-Fa-f:.]+")) {
                throw bad(null, at, "'" + host + "' is not a valid IPv6 host");
            }
            name = "x" + host.substring(close + 1);
        }
        if (!name.matches("[A-Za-z0-9.-]+(:\\d{1,5})?")) {
            throw bad(null, at, "'" + host + "' is not a valid host name");
        }
    }

    /** Reads key and qualifiers; returns the key's qualifier orders that fit the qualifiers found. */
    private static List<List<String>> readPath(String path, int at, Gs1Parser parser, List<AiElement> out,
                                               List<Integer> positions) {
        if (path.endsWith("/")) {
            throw bad(null, at + path.length() - 1, "a Digital Link path must not end with '/'");
        }
        String[] segments = path.substring(1).split("/", -1);
        int[] offsets = new int[segments.length];
        for (int i = 0, o = at + 1; i < segments.length; o += segments[i].length() + 1, i++) {
            offsets[i] = o;
            if (segments[i].isEmpty()) {
                throw bad(null, o, "the path has an empty segment");
            }
        }
        List<String[]> pairs = new ArrayList<>();
        AiDefinition key = null;
        int i = segments.length;
        for (; i >= 2; i -= 2) {
            String ai = toAi(segments[i - 2], parser.dictionary());
            if (ai == null) {
                break;
            }
            AiDefinition def = parser.dictionary().lookup(ai).orElseThrow();
            pairs.add(0, new String[] {ai, segments[i - 1], Integer.toString(offsets[i - 2])});
            if (def.isDigitalLinkKey()) {
                key = def;
                break;
            }
        }
        if (key == null) {
            throw bad(null, at, "no GS1 Digital Link primary key was found in the path");
        }
        List<String> qualifiers = pairs.subList(1, pairs.size()).stream().map(p -> p[0]).toList();
        List<List<String>> compatible = compatibleOrders(key, qualifiers);
        if (compatible.isEmpty()) {
            throw bad(key.ai(), Integer.parseInt(pairs.get(0)[2]), "qualifiers " + qualifiers + " are not permitted, or"
                    + " not in a permitted order, after the key (" + key.ai() + ")");
        }
        for (String[] pair : pairs) {
            int position = Integer.parseInt(pair[2]);
            String value = decode(pair[1], false, pair[0], position);
            addChecked(parser, pair[0], value, position, out, positions);
        }
        return compatible;
    }

    private static void readQuery(String query, int at, Gs1Parser parser, List<List<String>> compatible,
                                  List<AiElement> out, List<Integer> positions) {
        int offset = at;
        for (String param : query.split("&", -1)) {
            int position = offset;
            offset += param.length() + 1;
            int eq = param.indexOf('=');
            if (param.isEmpty() || eq < 0) {
                continue;
            }
            String ai = param.substring(0, eq);
            if (ai.isEmpty() || !ai.chars().allMatch(c -> c >= '0' && c <= '9')) {
                continue;
            }
            AiDefinition def = parser.dictionary().lookup(ai).orElse(null);
            if (def == null && !(parser.options().permitUnknownAis() && parser.options().unknownAiAsDlAttribute())) {
                throw bad(ai, position, "query parameter " + ai + " is numeric but not a known AI");
            }
            if (def != null && !def.dlAttribute()) {
                throw bad(ai, position, "(" + ai + ") is not permitted as a Digital Link data attribute");
            }
            if (compatible.stream().anyMatch(order -> order.contains(ai))) {
                throw bad(ai, position, "(" + ai + ") is a qualifier of the key, so it belongs in the path");
            }
            String value = decode(param.substring(eq + 1), true, ai, position);
            if (value.isEmpty()) {
                throw bad(ai, position, "(" + ai + ") has an empty value in the query");
            }
            addChecked(parser, ai, value, position + eq + 1, out, positions);
        }
    }

    private static void addChecked(Gs1Parser parser, String ai, String value, int position, List<AiElement> out,
                                   List<Integer> positions) {
        String v = value;
        if (ai.equals("01") && (v.length() == 8 || v.length() == 12 || v.length() == 13)
                && parser.options().permitZeroSuppressedGtin()) {
            v = "0".repeat(14 - v.length()) + v;
        }
        FieldCheck.check(parser.definition(ai, position), v, position);
        out.add(parser.element(ai, v));
        positions.add(position);
    }

    private static String toAi(String segment, AiDictionary dictionary) {
        if (segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return dictionary.lookup(segment).isPresent() ? segment : null;
        }
        return CONVENIENCE.get(segment);
    }

    /** The key's qualifier orders ("22,10,21|235") in which the given qualifiers appear, in that order. */
    static List<List<String>> compatibleOrders(AiDefinition key, List<String> qualifiers) {
        List<List<String>> orders = new ArrayList<>();
        String spec = key.dlPrimaryKey() == null ? "" : key.dlPrimaryKey();
        for (String alternative : spec.split("\\|")) {
            List<String> order = alternative.isEmpty() ? List.of() : Arrays.asList(alternative.split(","));
            int next = 0;
            boolean fits = true;
            for (String q : qualifiers) {
                int found = order.subList(next, order.size()).indexOf(q);
                if (found < 0) {
                    fits = false;
                    break;
                }
                next += found + 1;
            }
            if (fits) {
                orders.add(order);
            }
        }
        return orders;
    }

    private static String decode(String raw, boolean query, String ai, int position) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw bad(ai, position + i, "'%' must be followed by two hex digits");
                }
                sb.append((char) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+' && query) {
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Writes the elements as a Digital Link URI under {@code stem} (trailing '/' ignored). */
    static String format(List<AiElement> elements, String stem, AiDictionary dictionary, Gs1Options options) {
        List<AiElement> unique = new ArrayList<>();
        for (AiElement e : elements) {
            AiElement earlier = unique.stream().filter(u -> u.ai().equals(e.ai())).findFirst().orElse(null);
            if (earlier == null) {
                unique.add(e);
            } else if (!earlier.value().equals(e.value())) {
                throw new Gs1SyntaxException(Gs1Error.CONFLICTING_REPEAT, e.ai(), 0, "(" + e.ai()
                        + ") has two different values");
            }
        }
        AiElement key = unique.stream().filter(e -> dictionary.lookup(e.ai()).map(AiDefinition::isDigitalLinkKey)
                .orElse(false)).findFirst().orElseThrow(() -> bad(null, 0, "no Digital Link primary key among the AIs"));
        AiDefinition keyDef = dictionary.lookup(key.ai()).orElseThrow();
        List<List<String>> orders = compatibleOrders(keyDef, List.of());
        List<String> chosen = List.of();
        for (AiElement e : unique) {
            List<String> order = orders.stream().filter(o -> o.contains(e.ai())).findFirst().orElse(null);
            if (order != null) {
                chosen = order;
                break;
            }
        }
        StringBuilder uri = new StringBuilder(stem.endsWith("/") ? stem.substring(0, stem.length() - 1) : stem);
        uri.append('/').append(key.ai()).append('/').append(encode(key.value()));
        for (String q : chosen) {
            unique.stream().filter(e -> e.ai().equals(q)).findFirst()
                    .ifPresent(e -> uri.append('/').append(q).append('/').append(encode(e.value())));
        }
        List<AiElement> fixed = new ArrayList<>();
        List<AiElement> variable = new ArrayList<>();
        for (AiElement e : unique) {
            if (e == key || chosen.contains(e.ai())) {
                continue;
            }
            checkAttribute(e, orders, chosen, dictionary, options);
            boolean predefined = dictionary.lookup(e.ai()).map(AiDefinition::predefinedLength).orElse(false);
            (predefined ? fixed : variable).add(e);
        }
        fixed.addAll(variable);
        for (int i = 0; i < fixed.size(); i++) {
            uri.append(i == 0 ? '?' : '&').append(fixed.get(i).ai()).append('=').append(encode(fixed.get(i).value()));
        }
        return uri.toString();
    }

    private static void checkAttribute(AiElement e, List<List<String>> orders, List<String> chosen,
                                       AiDictionary dictionary, Gs1Options options) {
        AiDefinition def = dictionary.lookup(e.ai()).orElse(null);
        if (def == null && !(options.permitUnknownAis() && options.unknownAiAsDlAttribute())) {
            throw bad(e.ai(), 0, "unknown AI (" + e.ai() + ") is not permitted as a Digital Link data attribute");
        }
        if (def != null && !def.dlAttribute()) {
            throw bad(e.ai(), 0, "(" + e.ai() + ") is invalid as a Digital Link data attribute");
        }
        if (orders.stream().anyMatch(o -> o.contains(e.ai()))) {
            throw bad(e.ai(), 0, "qualifiers " + chosen + " are used for the key, so (" + e.ai()
                    + ") is invalid as a data attribute");
        }
    }

    private static String encode(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (UNRESERVED.indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", (int) c));
            }
        }
        return sb.toString();
    }
}
