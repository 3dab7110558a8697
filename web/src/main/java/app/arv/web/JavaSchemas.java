package app.arv.web;

import app.arv.web.json.SnakeCaseEnum;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

/** The schema of a plain Java value as the API writes it: ids and instants as text, enums by their wire names. */
final class JavaSchemas {

    private JavaSchemas() {
    }

    /** The schema of a value of this type; an object for anything that is not a plain value. */
    static Schema of(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return OASFactory.createSchema().type(SchemaType.ARRAY).items(of(generic.getActualTypeArguments()[0]));
        }
        if (!(type instanceof Class<?> value)) {
            return OASFactory.createSchema().type(SchemaType.OBJECT);
        }
        if (value == String.class) {
            return OASFactory.createSchema().type(SchemaType.STRING);
        }
        if (value == UUID.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("uuid");
        }
        if (value == Instant.class || value == OffsetDateTime.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("date-time");
        }
        if (value == URI.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("uri");
        }
        if (value == LocalDate.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("date");
        }
        if (value == boolean.class || value == Boolean.class) {
            return OASFactory.createSchema().type(SchemaType.BOOLEAN);
        }
        if (value == int.class || value == Integer.class) {
            return OASFactory.createSchema().type(SchemaType.INTEGER).format("int32");
        }
        if (value == long.class || value == Long.class) {
            return OASFactory.createSchema().type(SchemaType.INTEGER).format("int64");
        }
        if (value == double.class || value == float.class || Number.class.isAssignableFrom(value)) {
            return OASFactory.createSchema().type(SchemaType.NUMBER);
        }
        if (value.isEnum()) {
            return enumeration(value, false);
        }
        return OASFactory.createSchema().type(SchemaType.OBJECT);
    }

    /** An enum as text: its constants' names, or their wire names ({@link SnakeCaseEnum}) when it is written so. */
    static Schema enumeration(Class<?> type, boolean snakeCase) {
        return OASFactory.createSchema().type(SchemaType.STRING).enumeration(Arrays.stream(type.getEnumConstants())
                .map(c -> snakeCase ? SnakeCaseEnum.name((Enum<?>) c) : ((Enum<?>) c).name()).map(Object.class::cast).toList());
    }
}
