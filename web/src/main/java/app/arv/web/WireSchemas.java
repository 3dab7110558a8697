package app.arv.web;

import app.arv.web.json.ItemsView;
import app.arv.web.json.PageView;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.problem.ConstraintViolationMapper;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The schemas as the API writes its JSON: property names in snake_case (JSON-B's naming, or a property's own
 * {@code @JsonbProperty}), ids and instants as text with their format, enums by the names they are written with, a
 * listing's page with the schema of its items, path and query parameters typed like the method's. The scanner describes
 * the Java classes as it sees them (camelCase, ids and enums as objects, one generic page); the Java classes of the
 * operations say what JSON-B makes of them.
 */
final class WireSchemas {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String JSON = "application/json";
    private static final Set<Class<?>> PLAIN = Set.of(UUID.class, Instant.class, OffsetDateTime.class, LocalDate.class, URI.class,
            Boolean.class);

    private final OpenAPI api;
    private final Map<String, Class<?>> classes = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();
    private final Set<Class<?>> seen = new HashSet<>();

    WireSchemas(OpenAPI api, Collection<Method> methods) {
        this.api = api;
        for (Method method : methods) {
            collect(method.getGenericReturnType());
            for (int i = 0; i < method.getParameterCount(); i++) {
                if (Arrays.stream(method.getParameterAnnotations()[i]).noneMatch(WireSchemas::isInput)) {
                    collect(method.getGenericParameterTypes()[i]);
                }
            }
            for (APIResponse response : method.getAnnotationsByType(APIResponse.class)) {
                Arrays.stream(response.content()).forEach(c -> collect(c.schema().implementation()));
            }
        }
    }

    /** A property's name as JSON-B writes it by default (snake_case), the one rule the API's field errors use too. */
    static String wireName(String javaName) {
        return ConstraintViolationMapper.snakeCase(javaName);
    }

    /** The schema's own property names (and required list) in snake_case; nested schemas come to this on their own. */
    static void snakeCaseProperties(Schema schema) {
        if (schema.getProperties() == null || schema.getProperties().keySet().stream().allMatch(n -> n.equals(wireName(n)))) {
            return;
        }
        Map<String, Schema> renamed = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> renamed.put(wireName(name), property));
        schema.setProperties(renamed);
        if (schema.getRequired() != null) {
            schema.setRequired(schema.getRequired().stream().map(WireSchemas::wireName).toList());
        }
    }

    /**
     * Payara writes every attribute of a {@code @Schema} annotation it reads, its defaults too: {@code maxProperties: 0} (an
     * object without properties), {@code exclusiveMaximum} without a maximum (which validators refuse), {@code false} flags.
     * Left out, they say what the defaults say.
     */
    static void dropAnnotationDefaults(Schema schema) {
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum()) || schema.getMaximum() == null) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum()) || schema.getMinimum() == null) {
            schema.setExclusiveMinimum(null);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
    }

    /** Each component schema of a known class, property by property as JSON-B writes it. */
    void components() {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        api.getComponents().getSchemas().forEach((name, schema) -> {
            Class<?> type = ambiguous.contains(name) ? null : classes.get(name);
            if (type != null && schema.getProperties() != null) {
                describe(schema, type);
            }
        });
    }

    /** The operation's parameters typed like the method's, and a listing's page with its items. */
    void operation(Operation operation, Method method) {
        for (int i = 0; i < method.getParameterCount(); i++) {
            String name = inputName(method.getParameterAnnotations()[i]);
            Type type = method.getGenericParameterTypes()[i];
            if (name == null || operation.getParameters() == null || !isPlain(type)) {
                continue;
            }
            operation.getParameters().stream().filter(p -> name.equals(p.getName()) && p.getIn() != Parameter.In.COOKIE)
                    .forEach(p -> p.setSchema(JavaSchemas.of(type)));
        }
        for (APIResponse stated : method.getAnnotationsByType(APIResponse.class)) {
            // The scanner writes an empty object for a response's schema implementation: the class's schema instead.
            Class<?> implementation = Arrays.stream(stated.content()).map(c -> c.schema().implementation()).filter(WireSchemas::isOurs)
                    .findFirst().orElse(null);
            MediaType json = json(operation.getResponses(), stated.responseCode());
            if (implementation != null && json != null) {
                json.setSchema(OASFactory.createSchema().ref(SCHEMAS + component(implementation)));
            }
        }
        if (method.getGenericReturnType() instanceof ParameterizedType list
                && (list.getRawType() == PageView.class || list.getRawType() == ItemsView.class)) {
            Type item = list.getActualTypeArguments()[0];
            MediaType json = json(operation.getResponses(), "200");
            if (json != null) {
                json.setSchema(OASFactory.createSchema().ref(SCHEMAS + listSchema(item, list.getRawType() == PageView.class)));
            }
        }
    }

    /**
     * The name of {@code <Item>Page} (a page of a listing whose items are {@code item}) or {@code <Item>List} (the whole
     * list, {@link ItemsView}), declared once.
     */
    private String listSchema(Type item, boolean paged) {
        String itemName = item instanceof Class<?> type ? type.getSimpleName() : "Item";
        Schema items = item instanceof Class<?> type && isOurs(type)
                ? OASFactory.createSchema().ref(SCHEMAS + component(type))
                : JavaSchemas.of(item);
        String name = itemName + (paged ? "Page" : "List");
        if (api.getComponents().getSchemas() == null || !api.getComponents().getSchemas().containsKey(name)) {
            Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT)
                    .addProperty("items", OASFactory.createSchema().type(SchemaType.ARRAY).items(items));
            if (paged) {
                schema.description("A page of the listing: items from offset, at most limit, of total")
                        .addProperty("total", JavaSchemas.of(long.class)).addProperty("limit", JavaSchemas.of(int.class))
                        .addProperty("offset", JavaSchemas.of(int.class)).required(List.of("items", "total", "limit", "offset"));
            } else {
                schema.description("The whole list").required(List.of("items"));
            }
            api.getComponents().addSchema(name, schema);
        }
        return name;
    }

    private static MediaType json(APIResponses responses, String code) {
        if (responses == null || responses.getAPIResponses() == null) {
            return null;
        }
        return responses.getAPIResponses().entrySet().stream().filter(e -> e.getKey().equals(code) || e.getKey().equals("default"))
                .map(e -> e.getValue().getContent()).filter(c -> c != null).map(c -> c.getMediaType(JSON)).filter(m -> m != null)
                .findFirst().orElse(null);
    }

    /** The name of the component schema of one of the application's classes, declared from the class when the scan left it out. */
    private String component(Class<?> type) {
        String name = type.getSimpleName();
        if (api.getComponents().getSchemas() != null && api.getComponents().getSchemas().containsKey(name)) {
            return name;
        }
        Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
        api.getComponents().addSchema(name, schema);
        for (Property property : properties(type)) {
            schema.addProperty(property.wire, valueSchema(property));
        }
        return name;
    }

    private Schema valueSchema(Property property) {
        Schema plain = property.plainSchema();
        if (plain != null) {
            return plain;
        }
        return valueSchema(property.type);
    }

    private Schema valueSchema(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(SchemaType.ARRAY).items(valueSchema(generic.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(SchemaType.OBJECT).additionalPropertiesSchema(valueSchema(generic.getActualTypeArguments()[1]));
            }
        }
        if (type instanceof Class<?> value && isOurs(value) && !value.isEnum()) {
            return OASFactory.createSchema().ref(SCHEMAS + component(value));
        }
        return JavaSchemas.of(type);
    }

    private static boolean isOurs(Class<?> type) {
        return type.getName().startsWith("app.arv.") && !type.isEnum();
    }

    private void describe(Schema schema, Class<?> type) {
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        Map<String, String> renames = new HashMap<>();
        for (Property property : properties(type)) {
            String found = List.of(property.javaName, wireName(property.javaName), property.wire).stream()
                    .filter(properties::containsKey).findFirst().orElse(null);
            if (found == null) {
                continue;
            }
            Schema scanned = properties.remove(found);
            Schema written = property.plainSchema();
            if (written != null && scanned.getRef() == null) {
                written.setDescription(scanned.getDescription());
                written.setNullable(scanned.getNullable());
                scanned = written;
            } else if (written != null) {
                scanned = written;
            }
            properties.put(property.wire, scanned);
            renames.put(found, property.wire);
        }
        // In the class's order, as JSON-B writes them.
        Map<String, Schema> ordered = new LinkedHashMap<>();
        schema.getProperties().keySet().forEach(n -> {
            String wire = renames.getOrDefault(n, n);
            if (properties.containsKey(wire)) {
                ordered.put(wire, properties.remove(wire));
            }
        });
        ordered.putAll(properties);
        schema.setProperties(ordered);
        if (schema.getRequired() != null) {
            schema.setRequired(schema.getRequired().stream().map(r -> renames.getOrDefault(r, r)).toList());
        }
    }

    /** A property JSON-B writes: its Java name, its JSON name, and how its value is written. */
    private record Property(String javaName, String wire, Type type, boolean snakeCaseEnum) {

        /** The schema of a plain value (an id, an instant, an enum, a list of them); null for anything else. */
        Schema plainSchema() {
            if (!isPlain(type)) {
                return null;
            }
            if (type instanceof Class<?> value && value.isEnum()) {
                return JavaSchemas.enumeration(value, snakeCaseEnum);
            }
            if (type instanceof ParameterizedType list && list.getActualTypeArguments()[0] instanceof Class<?> value && value.isEnum()) {
                return OASFactory.createSchema().type(SchemaType.ARRAY).items(JavaSchemas.enumeration(value, snakeCaseEnum));
            }
            return JavaSchemas.of(type);
        }
    }

    private static List<Property> properties(Class<?> type) {
        List<Property> properties = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Field field = field(type, component.getName());
                properties.add(property(component.getName(), component.getGenericType(), field, component));
            }
            return properties;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isAnnotationPresent(JsonbTransient.class)) {
                    properties.add(property(field.getName(), field.getGenericType(), field, null));
                }
            }
        }
        return properties;
    }

    private static Property property(String name, Type type, Field field, RecordComponent component) {
        JsonbProperty named = annotation(JsonbProperty.class, field, component);
        JsonbTypeSerializer serializer = annotation(JsonbTypeSerializer.class, field, component);
        JsonbTypeDeserializer deserializer = annotation(JsonbTypeDeserializer.class, field, component);
        boolean snakeCase = (serializer != null && serializer.value() == SnakeCaseEnum.class)
                || (deserializer != null && deserializer.value() == SnakeCaseEnum.class);
        String wire = named != null && !named.value().isEmpty() ? named.value() : wireName(name);
        return new Property(name, wire, type, snakeCase);
    }

    private static <A extends Annotation> A annotation(Class<A> kind, Field field, RecordComponent component) {
        A found = field == null ? null : field.getAnnotation(kind);
        if (found == null && component != null) {
            found = component.getAnnotation(kind);
            if (found == null) {
                found = component.getAccessor().getAnnotation(kind);
            }
        }
        return found;
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static boolean isPlain(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            return isPlain(generic.getActualTypeArguments()[0]);
        }
        return type instanceof Class<?> value
                && (PLAIN.contains(value) || value.isEnum() || value.isPrimitive() || Number.class.isAssignableFrom(value));
    }

    private static boolean isInput(Annotation annotation) {
        return annotation.annotationType().getPackageName().startsWith("jakarta.ws.rs");
    }

    private static String inputName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }

    /** Every class of the application an operation reads or writes, by the name the scanner gives its schema. */
    private void collect(Type type) {
        if (type instanceof ParameterizedType generic) {
            collect(generic.getRawType());
            Arrays.stream(generic.getActualTypeArguments()).forEach(this::collect);
            return;
        }
        if (!(type instanceof Class<?> value) || value.isPrimitive() || value.isEnum() || value.isArray()
                || !value.getName().startsWith("app.arv.") || !seen.add(value)) {
            return;
        }
        Class<?> known = classes.putIfAbsent(value.getSimpleName(), value);
        if (known != null && known != value) {
            ambiguous.add(value.getSimpleName());
        }
        collect(value.getSuperclass());
        properties(value).forEach(p -> collect(p.type));
    }
}
