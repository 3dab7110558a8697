package app.arv.generation;

import app.arv.messaging.ArvJms;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Generation messages the broker gave up on (every delivery attempt broke) arrive on the shared DLQ;
 * their items fail with the last attempt's reason (unless another message of the item took it). The selector leaves
 * other modules' dead letters alone.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = ArvJms.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ArvJms.DEAD_LETTER_QUEUE),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = GenerationQueue.DEAD_LETTER_SELECTOR),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")})
public class DeadGenerationListener implements MessageListener {

    @Inject
    GenerationSteps steps;

    @Override
    public void onMessage(Message message) {
        GenerationQueue.ItemRef ref = GenerationQueue.itemOf(message);
        if (ref != null) {
            steps.giveUp(ref.organizationId(), ref.itemId(), ref.messageId());
        }
    }
}
