package app.arv.generation;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker as GenerationQueue uses it (the container's connection factory, from outside ARV), keeping what was sent
 * instead of delivering it: a service test sees which messages went, to which queue, with which properties. A message
 * counts when sent; the transaction it would join is the test's.
 */
final class RecordingBroker {

    /** One message sent: its queue, its properties and its body. */
    record Sent(String queue, Map<String, Object> properties, String body) {
    }

    private final List<Sent> sent = new ArrayList<>();

    List<Sent> sent() {
        return sent;
    }

    ConnectionFactory connections() {
        return proxy(ConnectionFactory.class, (method, args) -> method.equals("createContext") ? context() : unsupported(method));
    }

    private JMSContext context() {
        return proxy(JMSContext.class, (method, args) -> switch (method) {
            case "createProducer" -> producer();
            case "createQueue" -> queue((String) args[0]);
            // BrokerAvailability's round trip: the broker answers.
            case "createTemporaryQueue", "close" -> null;
            default -> unsupported(method);
        });
    }

    private JMSProducer producer() {
        Map<String, Object> properties = new HashMap<>();
        JMSProducer[] self = new JMSProducer[1];
        self[0] = proxy(JMSProducer.class, (method, args) -> switch (method) {
            case "setProperty" -> {
                properties.put((String) args[0], args[1]);
                yield self[0];
            }
            case "send" -> {
                sent.add(new Sent(((Queue) args[0]).getQueueName(), Map.copyOf(properties), (String) args[1]));
                yield self[0];
            }
            default -> unsupported(method);
        });
        return self[0];
    }

    private static Queue queue(String name) {
        return proxy(Queue.class, (method, args) -> method.equals("getQueueName") ? name : unsupported(method));
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(RecordingBroker.class.getClassLoader(), new Class<?>[]{type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException(method + " is not used by GenerationQueue");
    }
}
