package app.arv.marker;

import app.arv.messaging.ArvJms;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Starts a {@code compile-markers} job for each compile request, on whichever node takes the
 * message. No transaction: the batch runtime writes its job repository itself, and a request lost
 * here is made good by {@link MarkerJobRecovery}, which re-requests long-pending items.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = ArvJms.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = CompileRequests.QUEUE),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CompileRequestListener implements MessageListener {

    public static final String JOB = "compile-markers";

    private static final Logger LOG = Logger.getLogger(CompileRequestListener.class.getName());

    @Override
    public void onMessage(Message message) {
        UUID organizationId;
        try {
            organizationId = UUID.fromString(message.getBody(String.class));
        } catch (JMSException | IllegalArgumentException e) {
            LOG.warning("Ignoring a malformed compile request: " + e);
            return;
        }
        Properties parameters = new Properties();
        parameters.setProperty("organizationId", organizationId.toString());
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        LOG.info("Started " + JOB + " execution " + execution + " for organization " + organizationId);
    }
}
