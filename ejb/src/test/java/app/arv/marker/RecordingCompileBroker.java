package app.arv.marker;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * The broker as {@link CompileRequests} uses it (the container's connection factory, from outside ARV), keeping the
 * bodies of the compile requests sent instead of delivering them; or, {@link #down}, refusing every connection.
 */
final class RecordingCompileBroker {

    private final List<String> sent = new ArrayList<>();
    private boolean down;

    /** The compile requests sent, each an organization id. */
    List<String> sent() {
        return sent;
    }

    /** From now on the broker cannot be reached. */
    RecordingCompileBroker down() {
        down = true;
        return this;
    }

    ConnectionFactory connections() {
        return proxy(ConnectionFactory.class, (method, args) -> {
            if (!method.equals("createContext")) {
                throw new UnsupportedOperationException(method);
            }
            if (down) {
                throw new JMSRuntimeException("Connection refused");
            }
            return context();
        });
    }

    private JMSContext context() {
        return proxy(JMSContext.class, (method, args) -> switch (method) {
            case "createProducer" -> producer();
            case "createQueue" -> proxy(Queue.class, (m, a) -> {
                throw new UnsupportedOperationException(m);
            });
            case "createTemporaryQueue" -> proxy(TemporaryQueue.class, (m, a) -> null); // the availability check's round trip
            case "close" -> null;
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private JMSProducer producer() {
        JMSProducer[] self = new JMSProducer[1];
        self[0] = proxy(JMSProducer.class, (method, args) -> {
            if (!method.equals("send")) {
                throw new UnsupportedOperationException(method);
            }
            sent.add((String) args[1]);
            return self[0];
        });
        return self[0];
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(RecordingCompileBroker.class.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}
