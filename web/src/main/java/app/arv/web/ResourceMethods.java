package app.arv.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The resource methods of the API by {@code "METHOD /api/v1/path"}, the way the OpenAPI document names its
 * operations: what the scanner leaves out of an operation (its {@code @BeanParam} inputs, {@code @Public},
 * {@code @Idempotent}, the class it belongs to) is read from the method itself. Found by reading the classes of
 * this package and below where the application's classes are deployed (a folder, or a jar).
 */
final class ResourceMethods {

    private static final String PACKAGE = ResourceMethods.class.getPackageName();

    private ResourceMethods() {
    }

    /**
     * Every resource method of the application, by {@link #key}; several for one operation that takes more than one
     * media type (a multipart upload and JSON naming media), in the order of their names.
     */
    static Map<String, List<Method>> all() {
        Map<String, List<Method>> methods = new TreeMap<>();
        for (Class<?> type : classes()) {
            Path root = type.getAnnotation(Path.class);
            if (root == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    methods.computeIfAbsent(key(http, Links.ROOT + "/" + root.value() + (sub == null ? "" : "/" + sub.value())),
                            k -> new ArrayList<>()).add(method);
                }
            }
        }
        methods.values().forEach(list -> list.sort(Comparator.comparing(Method::getName)));
        return methods;
    }

    /** {@code "GET /api/v1/projects/{id}"}: the method in upper case and the path as {@link #template} writes it. */
    static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + template(path);
    }

    /**
     * A path as a URI template: single slashes, none at the end, and a parameter's regular expression left out
     * ({@code qr.{format: svg|png}} is {@code qr.{format}}): a client fills in the name, the server checks the value.
     */
    static String template(String path) {
        String template = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/{2,}", "/");
        return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations()).map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(h -> h != null).map(HttpMethod::value).findFirst().orElse(null);
    }

    private static List<Class<?>> classes() {
        ClassLoader loader = ResourceMethods.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames()) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // Not a class this application can load: no resource either.
            }
        }
        return classes;
    }

    private static List<String> classNames() {
        // This class's own file: in the folder of this package (an exploded archive), or in a jar.
        URL self = ResourceMethods.class.getResource(ResourceMethods.class.getSimpleName() + ".class");
        String folder = PACKAGE.replace('.', '/');
        try {
            if (self.getProtocol().equals("file")) {
                File root = new File(self.toURI()).getParentFile();
                for (int i = 0; i < folder.split("/").length; i++) {
                    root = root.getParentFile();
                }
                File classes = root;
                try (var files = Files.walk(classes.toPath().resolve(folder))) {
                    return files.map(f -> classes.toPath().relativize(f).toString().replace('\\', '/'))
                            .filter(ResourceMethods::isTopLevelClass).map(ResourceMethods::className).toList();
                }
            }
            URLConnection connection = self.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                throw new IllegalStateException("cannot list the application's classes at " + self);
            }
            connection.setUseCaches(false);
            try (JarFile file = jar.getJarFile()) {
                return Collections.list(file.entries()).stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith(folder + "/") && isTopLevelClass(n)).map(ResourceMethods::className).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the application's classes are at " + self, e);
        }
    }

    private static boolean isTopLevelClass(String file) {
        return file.endsWith(".class") && !file.contains("$") && !file.endsWith("package-info.class");
    }

    private static String className(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.');
    }
}
