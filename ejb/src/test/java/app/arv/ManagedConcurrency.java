package app.arv;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The container's managed threads and executors as far as ARV's beans use them, for tests without a container: plain
 * threads, and the test's own executors behind the managed interfaces (whose extra methods ARV does not call).
 */
public final class ManagedConcurrency {

    private ManagedConcurrency() {
    }

    /** A factory of plain threads, each handed to {@code made} as it is made (so a test can wait for its end). */
    public static ManagedThreadFactory threads(Consumer<Thread> made) {
        return (ManagedThreadFactory) Proxy.newProxyInstance(ManagedConcurrency.class.getClassLoader(),
                new Class<?>[]{ManagedThreadFactory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("newThread") || !(args[0] instanceof Runnable task)) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    Thread thread = new Thread(task);
                    made.accept(thread);
                    return thread;
                });
    }

    public static ManagedThreadFactory threads() {
        return threads(thread -> {
        });
    }

    /** The test's {@code own} scheduler behind the managed interface. */
    public static ManagedScheduledExecutorService scheduler(ScheduledExecutorService own) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(ManagedConcurrency.class.getClassLoader(),
                new Class<?>[]{ManagedScheduledExecutorService.class}, (proxy, method, args) -> delegated(own,
                        ScheduledExecutorService.class.getMethod(method.getName(), method.getParameterTypes()), args));
    }

    /** The test's {@code own} executor behind the managed interface. */
    public static ManagedExecutorService executor(ExecutorService own) {
        return (ManagedExecutorService) Proxy.newProxyInstance(ManagedConcurrency.class.getClassLoader(),
                new Class<?>[]{ManagedExecutorService.class}, (proxy, method, args) -> delegated(own,
                        ExecutorService.class.getMethod(method.getName(), method.getParameterTypes()), args));
    }

    private static Object delegated(Object own, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(own, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
