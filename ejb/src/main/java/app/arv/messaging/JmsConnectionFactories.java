package app.arv.messaging;

import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSConnectionFactoryDefinitions;

/**
 * ARV's JMS connection factories, backed by the Artemis resource adapter (pooled, JTA-aware).
 *
 * <p>Client settings matter when the broker is away: without them a send blocks for minutes
 * (default call timeout 30 s, and the adapter retries a lost connection forever). Here a connection
 * is tried once, a blocking call waits at most a few seconds, and a dead pooled connection is
 * discarded (no reconnect attempts), so the next use connects afresh once the broker is back.
 * The broker address is inherited from the adapter (ConnectionParameters from ARTEMIS_URL); outbound
 * connections authenticate with ARTEMIS_USER / ARTEMIS_PASSWORD (Payara resolves the ${ENV=...}
 * expressions when it creates the factory; both empty for a broker without security).
 *
 * <p>The definitions sit on an EJB because Payara processes resource-definition annotations on
 * components; the bean itself has no behaviour.
 */
@JMSConnectionFactoryDefinitions({
        @JMSConnectionFactoryDefinition(
                name = ArvJms.CONNECTION_FACTORY,
                description = "ARV producers (joins the caller's JTA transaction)",
                interfaceName = "jakarta.jms.ConnectionFactory",
                resourceAdapter = ArvJms.RESOURCE_ADAPTER,
                transactional = true,
                user = ArvJms.BROKER_USER,
                password = ArvJms.BROKER_PASSWORD,
                minPoolSize = 0,
                maxPoolSize = 16,
                properties = {
                        // A request that needs the broker answers within 5 s (BrokerAvailability checks first; a send
                        // the broker fails after that check fails within this).
                        "CallTimeout=4000",
                        "InitialConnectAttempts=1",
                        "ReconnectAttempts=0",
                        "RetryInterval=500",
                        "ClientFailureCheckPeriod=5000",
                        "ConnectionTTL=15000",
                        "BlockOnDurableSend=true"
                }),
        @JMSConnectionFactoryDefinition(
                name = ArvJms.HEALTH_CONNECTION_FACTORY,
                description = "ARV readiness check (no transaction, short timeouts)",
                interfaceName = "jakarta.jms.ConnectionFactory",
                resourceAdapter = ArvJms.RESOURCE_ADAPTER,
                transactional = false,
                user = ArvJms.BROKER_USER,
                password = ArvJms.BROKER_PASSWORD,
                minPoolSize = 0,
                maxPoolSize = 2,
                properties = {
                        "CallTimeout=2000",
                        "InitialConnectAttempts=1",
                        "ReconnectAttempts=0",
                        "RetryInterval=200",
                        "ClientFailureCheckPeriod=2000",
                        "ConnectionTTL=6000"
                })
})
@Singleton
public class JmsConnectionFactories {
}
