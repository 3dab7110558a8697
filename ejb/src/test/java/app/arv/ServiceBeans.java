package app.arv;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * The service tests' stand-in for the container, on one {@link EntityManager} of the real database
 * ({@code app.arv.persistence.Database}, from the persistence module's tests): ARV's own beans are
 * built with their no-argument constructors, and their {@code @Inject} and {@code @PersistenceContext}
 * fields get the one instance of each type, and a {@link SessionContext} answers a bean's {@code getBusinessObject} with
 * the bean. Nothing is mocked. A record of settings ({@code @ConfigProperty} on every
 * component) is built from its defaults, as the container builds it where nothing is configured. What the container
 * would supply from outside ARV (metrics, JMS, the transaction registry) stays {@code null}, so a test reaches only
 * code that needs none of it — unless the test supplies it ({@link #with}; so do settings other than the defaults). No interceptors and no transactions of the beans' own:
 * the test's {@code Database.inTransaction} is the transaction around the call.
 */
public final class ServiceBeans {

    private final Map<Class<?>, Object> beans = new HashMap<>();

    public ServiceBeans(EntityManager em) {
        beans.put(EntityManager.class, em);
        beans.put(SessionContext.class, sessionContext());
    }

    /**
     * What a bean asks its container for here: itself ({@code getBusinessObject}, so that a call of its own goes through
     * the container's proxy — here the bean itself); anything else is not this stand-in's to answer.
     */
    private SessionContext sessionContext() {
        return (SessionContext) Proxy.newProxyInstance(ServiceBeans.class.getClassLoader(), new Class<?>[]{SessionContext.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getBusinessObject")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return get((Class<?>) args[0]);
                });
    }

    /**
     * Supplies the instance of a type (something from outside ARV the container would bring, such as a
     * registry or a Redis client; or one of ours set up as the container would), before the beans that
     * need it are built; {@code @Inject} and {@code @Resource} fields of that type get it.
     */
    public <T> ServiceBeans with(Class<T> type, T instance) {
        beans.put(type, instance);
        return this;
    }

    /** The bean of that type, built and wired on first use. */
    public <T> T get(Class<T> type) {
        Object bean = beans.get(type);
        if (bean == null && isOurs(type)) {
            bean = construct(type);
            beans.put(type, bean);
            wire(bean);
        } else if (bean == null && type.isRecord() && type.getName().startsWith("app.arv.")) {
            bean = SettingDefaults.of(type);
            if (bean != null) {
                beans.put(type, bean);
            }
        }
        return type.cast(bean);
    }

    private static boolean isOurs(Class<?> type) {
        return type.getName().startsWith("app.arv.") && !type.isInterface() && !type.isEnum() && !type.isRecord()
                && !Modifier.isAbstract(type.getModifiers());
    }

    private static Object construct(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getName() + " the way the container does", e);
        }
    }

    private void wire(Object bean) {
        for (Class<?> type = bean.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (!field.isAnnotationPresent(Inject.class) && !field.isAnnotationPresent(PersistenceContext.class)
                        && !field.isAnnotationPresent(Resource.class)) {
                    continue;
                }
                Object value = get(field.getType());
                if (value != null) {
                    field.setAccessible(true);
                    try {
                        field.set(bean, value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }
}
