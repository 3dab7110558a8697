package app.arv.web.conventions;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions of ARV's production code that a reader relies on, checked over every module's {@code src/main/java}
 * (the build runs this from {@code web/}): every package says in its {@code package-info.java} what lives there and
 * what it may use, code names types by their imports, never inline by their full names, no timer fires before the
 * schema is migrated, JSON request fields are boxed, and case changes name their locale.
 */
class SourceConventionsTest {

    private static final Path ROOT = Path.of("..");
    private static final List<Path> SOURCES = List.of(Path.of("imaging"), Path.of("persistence"), Path.of("ejb"), Path.of("web"),
            Path.of("server-config", "launcher"));
    /** A qualified type name in code: a lower-case package path ending in a capitalised name. */
    private static final Pattern INLINE_NAME = Pattern.compile("(?<![\\w.\"])(?:java|javax|jakarta|org|com|io|net)(?:\\.[a-z0-9]+)+\\.[A-Z]");

    private static final List<Path> FILES = new ArrayList<>();

    @BeforeAll
    static void readSources() throws IOException {
        for (Path module : SOURCES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve(Path.of("src", "main", "java")))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(FILES::add);
            }
        }
    }

    @Test
    void theSourcesAreFound() {
        assertThat(FILES).hasSizeGreaterThan(300);
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Set<Path> packages = new TreeSet<>();
        Set<Path> described = new TreeSet<>();
        for (Path file : FILES) {
            packages.add(file.getParent());
            if (file.getFileName().toString().equals("package-info.java")) {
                described.add(file.getParent());
            }
        }

        assertThat(packages).as("packages without a package-info.java").isSubsetOf(described);
    }

    /**
     * JSON-B consults no deserializer for a primitive, so a request's {@code public boolean published;} would read
     * {@code "yes"} as {@code false} and {@code "3"} as 3 past {@code StrictBoolean} and {@code WholeNumber}; request
     * fields (the web module's public fields) are boxed.
     */
    @Test
    void requestFieldsAreNeverPrimitive() throws IOException {
        Pattern primitiveField = Pattern.compile("^public (boolean|byte|short|int|long|float|double|char) \\w+;");
        List<String> primitive = new ArrayList<>();
        for (Path file : FILES) {
            if (!file.startsWith(ROOT.resolve("web"))) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (primitiveField.matcher(lines.get(i).strip()).find()) {
                    primitive.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }

        assertThat(primitive).as("public primitive fields in the web module (JSON requests are read strictly only when boxed)").isEmpty();
    }

    @Test
    void codeNamesTypesByTheirImports() throws IOException {
        List<String> inline = new ArrayList<>();
        for (Path file : FILES) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                boolean code = !line.startsWith("import ") && !line.startsWith("package ") && !line.startsWith("*")
                        && !line.startsWith("//") && !line.startsWith("/*");
                if (code && INLINE_NAME.matcher(withoutStrings(line)).find()) {
                    inline.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + line);
                }
            }
        }

        assertThat(inline).as("inline fully-qualified type names").isEmpty();
    }

    @Test
    void everyStartupBeanWithTimersWaitsForTheSchemaMigration() throws IOException {
        List<String> early = new ArrayList<>();
        for (Path file : FILES) {
            String source = Files.readString(file);
            if (source.contains("\n@Startup\n") && source.contains("TimerService") && !source.contains("@DependsOn(\"SchemaMigration\")")) {
                early.add(ROOT.relativize(file).toString());
            }
        }

        assertThat(early).as("startup beans whose timers may fire into tables not created yet").isEmpty();
    }

    /**
     * A case change without a locale follows the server's default one: under Turkish, {@code FAILED} becomes
     * {@code faıled} on the wire; a number formatted without one follows it too: under Arabic, an ETag's digits become
     * {@code ٠٠٠٠٠٥}. Every case change and {@code String.format} names its locale ({@code Locale.ROOT} for wire names).
     */
    @Test
    void everyCaseChangeAndFormatNamesItsLocale() throws IOException {
        Pattern bare = Pattern.compile("\\.to(Lower|Upper)Case\\(\\)|String\\.format\\(\"");
        List<String> bareChanges = new ArrayList<>();
        for (Path file : FILES) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (bare.matcher(withoutStrings(lines.get(i))).find()) {
                    bareChanges.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }

        assertThat(bareChanges).as("case changes under the default locale").isEmpty();
    }

    /** The line with its string literals emptied (a class name in a log text or a property value is no reference). */
    private static String withoutStrings(String line) {
        return line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }
}
