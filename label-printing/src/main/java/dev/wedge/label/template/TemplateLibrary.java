package dev.wedge.label.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The label templates a site can print: the built-in ones shipped in this module, each replaceable by a file
 * of the same name ({@code NAME.label}) in the site's template directory. Immutable; thread-safe.
 */
public final class TemplateLibrary {

    /** The built-in templates, in the order they are listed. */
    public static final List<String> BUILT_IN = List.of("gs1-logistic", "shipping", "product-lot", "location");

    private static final String RESOURCE_FOLDER = "/dev/wedge/label/templates/";

    private final Map<String, LabelTemplate> templates;

    private TemplateLibrary(Map<String, LabelTemplate> templates) {
        this.templates = Map.copyOf(templates);
    }

    /** The templates shipped with Wedge. */
    public static TemplateLibrary builtIn() {
        Map<String, LabelTemplate> templates = new TreeMap<>();
        for (String name : BUILT_IN) {
            String resource = RESOURCE_FOLDER + name + ".label";
            try (InputStream in = TemplateLibrary.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in label template " + resource + " is missing from the jar");
                }
                templates.put(name, TemplateParser.parse(name + ".label", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read built-in label template " + resource, e);
            }
        }
        return new TemplateLibrary(templates);
    }

    /** A library from template text, for tests and tools. */
    public static LabelTemplate parse(String sourceName, String templateText) {
        return TemplateParser.parse(sourceName, templateText);
    }

    /**
     * This library with every {@code *.label} file of {@code directory} added, replacing a template of the same
     * name. A missing directory adds nothing.
     *
     * @throws IllegalArgumentException naming the file whose template is wrong
     */
    public TemplateLibrary withDirectory(Path directory) {
        Map<String, LabelTemplate> merged = new TreeMap<>(templates);
        if (!Files.isDirectory(directory)) {
            return this;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".label")).sorted().toList()) {
                LabelTemplate template = TemplateParser.parse(file.toString(), Files.readString(file));
                merged.put(template.name(), template);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read label templates in " + directory, e);
        }
        return new TemplateLibrary(merged);
    }

    /**
     * The template with this name.
     *
     * @throws IllegalArgumentException naming the unknown template and the known ones
     */
    public LabelTemplate get(String name) {
        LabelTemplate template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("label template '" + name + "' does not exist (known: "
                    + new TreeMap<>(templates).keySet() + ")");
        }
        return template;
    }

    /** Every template, built-in ones first in their listed order, then site ones by name. */
    public List<LabelTemplate> all() {
        List<LabelTemplate> all = new ArrayList<>();
        BUILT_IN.stream().filter(templates::containsKey).forEach(n -> all.add(templates.get(n)));
        new TreeMap<>(templates).forEach((n, t) -> {
            if (!BUILT_IN.contains(n)) {
                all.add(t);
            }
        });
        return all;
    }
}
