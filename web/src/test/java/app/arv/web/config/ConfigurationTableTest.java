package app.arv.web.config;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table is the operators' reference, so it must say what the code does:
 * every setting the application reads (each {@code @ConfigProperty} in ejb/ and web/) has a row, the
 * row gives the default the code uses, every {@code ARV_} row is read by the code, and each default
 * has one home (an annotation, or — for the one that depends on the machine — the application's
 * {@code microprofile-config.properties}).
 */
class ConfigurationTableTest {

    private static final Path README = Path.of("..", "README.md");
    /** Read by the server, not the application: Payara resolves it when it deploys the MDBs. */
    private static final Set<String> READ_BY_THE_SERVER = Set.of("ARV_GENERATION_WORKERS");
    private static final Pattern ROW = Pattern.compile("^\\|([^|]+)\\|([^|]+)\\|");
    private static final Pattern LITERAL = Pattern.compile("`([^`]*)`");
    private static final Pattern LEADING_LITERAL = Pattern.compile("^\\s*`([^`]*)`");

    private static Map<String, Setting> settings;
    private static Map<String, Optional<String>> readmeDefaults;
    private static Properties applicationDefaults;

    /** A key as the code reads it, with the default each place that reads it declares (null: none). */
    record Setting(String key, Map<String, String> defaultsByPlace) {
        String env() {
            return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }
    }

    @BeforeAll
    static void readCodeAndReadme() throws Exception {
        settings = new TreeMap<>();
        for (Class<?> type : applicationClasses()) {
            for (Field field : type.getDeclaredFields()) {
                record(field, type.getSimpleName() + "." + field.getName());
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                for (Parameter parameter : constructor.getParameters()) {
                    record(parameter, type.getSimpleName() + "(" + parameter.getName() + ")");
                }
            }
        }
        applicationDefaults = new Properties();
        try (InputStream in = ConfigurationTableTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            if (in != null) {
                applicationDefaults.load(in);
            }
        }
        readmeDefaults = readmeTable();
    }

    @Test
    void theCodeReadsSettings() {
        assertThat(settings).containsKeys("arv.jwt.issuer", "arv.media.max-files", "redis.url");
    }

    @Test
    void everySettingTheCodeReadsHasARow() {
        List<String> missing = settings.values().stream().map(Setting::env).filter(env -> !readmeDefaults.containsKey(env)).toList();

        assertThat(missing).as("settings read by the code but missing from the README's configuration table").isEmpty();
    }

    @Test
    void everyArvRowIsReadByTheCode() {
        Set<String> read = new TreeSet<>();
        settings.values().forEach(s -> read.add(s.env()));

        List<String> unknown = readmeDefaults.keySet().stream()
                .filter(env -> env.startsWith("ARV_") && !read.contains(env) && !READ_BY_THE_SERVER.contains(env)).toList();

        assertThat(unknown).as("README rows no code reads").isEmpty();
    }

    @Test
    void theReadmeGivesTheDefaultTheCodeUses() {
        Map<String, String> disagreeing = new LinkedHashMap<>();
        for (Setting setting : settings.values()) {
            Optional<String> code = Optional.ofNullable(defaultOf(setting));
            Optional<String> readme = readmeDefaults.get(setting.env());
            if (readme != null && !code.equals(readme)) {
                disagreeing.put(setting.env(), "code " + code.orElse("(no default)") + ", README " + readme.orElse("(no default)"));
            }
        }

        assertThat(disagreeing).as("defaults the README states differently").isEmpty();
    }

    @Test
    void eachDefaultHasOneHome() {
        List<String> twice = new ArrayList<>();
        for (Setting setting : settings.values()) {
            long declared = setting.defaultsByPlace().values().stream().filter(d -> d != null).distinct().count();
            boolean inProperties = applicationDefaults.containsKey(setting.key());
            if (declared > 1 || (declared == 1 && inProperties)) {
                twice.add(setting.key() + " " + setting.defaultsByPlace() + (inProperties ? " and microprofile-config.properties" : ""));
            }
        }

        assertThat(twice).as("settings whose default is written in more than one place").isEmpty();
    }

    private static String defaultOf(Setting setting) {
        String declared = setting.defaultsByPlace().values().stream().filter(d -> d != null).findFirst().orElse(null);
        if (declared != null) {
            return declared;
        }
        String property = applicationDefaults.getProperty(setting.key());
        return property == null ? null : property.replace("${user.home}", "~");
    }

    private static void record(AnnotatedElement element, String place) {
        ConfigProperty property = element.getAnnotation(ConfigProperty.class);
        if (property == null) {
            return;
        }
        String declared = ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue()) ? null : property.defaultValue();
        settings.computeIfAbsent(property.name(), key -> new Setting(key, new HashMap<>())).defaultsByPlace().put(place, declared);
    }

    /**
     * The README's rows, variable → its default: the literal the default cell begins with, or empty when the cell begins
     * with words ("none", "generated, printed once", "host name and process id"): the code declares no default then. A row
     * may name several variables ({@code `A` / `B`}); its default cell then lists theirs in the same order, or gives one
     * for all of them.
     */
    private static Map<String, Optional<String>> readmeTable() throws IOException {
        Map<String, Optional<String>> defaults = new TreeMap<>();
        for (String line : Files.readAllLines(README)) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            List<String> names = alternatives(row.group(1));
            List<String> values = alternatives(row.group(2));
            for (int i = 0; i < names.size(); i++) {
                Matcher name = LITERAL.matcher(names.get(i));
                if (!name.find() || !name.group(1).matches("[A-Z][A-Z0-9_]+")) {
                    continue;
                }
                assertThat(values.size()).as("default cells of the row of " + name.group(1)).isIn(1, names.size());
                Matcher literal = LEADING_LITERAL.matcher(values.get(values.size() == 1 ? 0 : i));
                defaults.put(name.group(1), literal.find() ? Optional.of(literal.group(1)) : Optional.empty());
            }
        }
        return defaults;
    }

    /** A cell's parts separated by " / ", except inside parentheses (where a slash is prose: "a third of the heap / …"). */
    private static List<String> alternatives(String cell) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && cell.startsWith(" / ", i)) {
                parts.add(cell.substring(start, i));
                start = i + 3;
            }
        }
        parts.add(cell.substring(start));
        return parts;
    }

    /** ARV's own classes of ejb/ and web/, from the test class path (directories or jars). */
    private static List<Class<?>> applicationClasses() throws IOException, ClassNotFoundException {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            boolean ours = entry.contains("arv-ejb") || path.endsWith(Path.of("ejb", "target", "classes"))
                    || path.endsWith(Path.of("web", "target", "classes"));
            if (!ours || !Files.exists(path)) {
                continue;
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> names.add(className(path.relativize(f).toString())));
                }
            } else {
                try (JarFile jar = new JarFile(path.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.endsWith(".class")) {
                            names.add(className(name));
                        }
                    }
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith("app.arv.") && !name.endsWith("package-info")) {
                classes.add(Class.forName(name, false, ConfigurationTableTest.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static String className(String file) {
        return file.substring(0, file.length() - ".class".length()).replace(File.separatorChar, '.').replace('/', '.');
    }
}
