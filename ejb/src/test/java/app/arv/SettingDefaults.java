package app.arv;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A record of settings as the container builds it where nothing is configured: each {@code @ConfigProperty} component
 * its {@code defaultValue}, converted as MicroProfile Config converts the types ARV's settings use.
 */
final class SettingDefaults {

    private SettingDefaults() {
    }

    /** The record at its defaults; {@code null} when it is not a record of settings or a component has no default. */
    static Object of(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        Constructor<?> canonical;
        try {
            canonical = record.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            ConfigProperty setting = canonical.getParameters()[i].getAnnotation(ConfigProperty.class);
            if (setting == null) {
                return null;
            }
            boolean defaulted = !ConfigProperty.UNCONFIGURED_VALUE.equals(setting.defaultValue());
            if (!defaulted && components[i].getType() != Optional.class) {
                return null;
            }
            values[i] = converted(components[i].getGenericType(), defaulted ? setting.defaultValue() : null);
        }
        try {
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + record.getName() + " from its defaults", e);
        }
    }

    private static Object converted(Type type, String value) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == Optional.class) {
            return Optional.ofNullable(value);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        }
        if (type == String.class) {
            return value;
        }
        if (type == Duration.class) {
            return Duration.parse(value);
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(value);
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(value);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalStateException("No default conversion for a setting of type " + type);
    }
}
