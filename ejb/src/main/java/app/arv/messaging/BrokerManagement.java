package app.arv.messaging;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Questions to Artemis's management address over plain JMS (a request message naming a resource and
 * an attribute, the answer on a temporary queue), so no Artemis client API is needed in the
 * application. A broker whose management address is closed to ARV's user just answers nothing.
 */
public final class BrokerManagement {

    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final String RESOURCE = "_AMQ_ResourceName";
    private static final String ATTRIBUTE = "_AMQ_Attribute";
    private static final String SUCCEEDED = "_AMQ_OperationSucceeded";
    private static final long ANSWER_MILLIS = 2000;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    private BrokerManagement() {
    }

    /** Consumers attached to the queue right now (MDB sessions of every node), if the broker tells. */
    public static OptionalInt consumerCount(JMSContext context, String queue) {
        try {
            TemporaryQueue answers = context.createTemporaryQueue();
            try (JMSConsumer consumer = context.createConsumer(answers)) {
                Message request = context.createMessage();
                request.setStringProperty(RESOURCE, "queue." + queue);
                request.setStringProperty(ATTRIBUTE, "consumerCount");
                request.setJMSReplyTo(answers);
                context.createProducer().send(context.createQueue(MANAGEMENT_ADDRESS), request);
                Message answer = consumer.receive(ANSWER_MILLIS);
                if (answer == null || !answer.getBooleanProperty(SUCCEEDED)) {
                    return OptionalInt.empty();
                }
                // The result is a JSON array with one number: [4]
                Matcher number = NUMBER.matcher(answer.getBody(String.class));
                return number.find() ? OptionalInt.of(Integer.parseInt(number.group())) : OptionalInt.empty();
            } finally {
                answers.delete();
            }
        } catch (JMSException | JMSRuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
