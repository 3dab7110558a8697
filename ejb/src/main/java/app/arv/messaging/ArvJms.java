package app.arv.messaging;

/**
 * Names shared by ARV's JMS producers and consumers.
 *
 * <p>MDBs consume through the Artemis resource adapter, which the server deploys separately as
 * {@value #RESOURCE_ADAPTER} (the adapter's broker address comes from ARTEMIS_URL, set on the adapter
 * by the launcher / verify-ear.sh, so activation configs need no connection parameters):
 * <pre>{@code
 * @MessageDriven(activationConfig = {
 *     @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = ArvJms.RESOURCE_ADAPTER),
 *     @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
 *     @ActivationConfigProperty(propertyName = "destination", propertyValue = "arv.markers"),
 *     @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
 *     @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
 * }</pre>
 * Producers inject {@code @Resource(lookup = ArvJms.CONNECTION_FACTORY) ConnectionFactory} and
 * address queues by name ({@code context.createQueue("arv.markers")}); the broker creates them on
 * first use and applies the redelivery / dead-letter (DLQ) settings of broker.properties.
 */
public final class ArvJms {

    /** Name of the deployed Artemis resource adapter (its RAR file name). */
    public static final String RESOURCE_ADAPTER = "artemis-rar";

    /** Transactional factory for application sends: a send inside a JTA transaction is delivered on commit. */
    public static final String CONNECTION_FACTORY = "java:app/jms/arv";

    /** Non-transactional factory with short timeouts, used only by the readiness check. */
    public static final String HEALTH_CONNECTION_FACTORY = "java:app/jms/arv-health";

    /** MP Config / environment name of the broker address, e.g. tcp://127.0.0.1:61616. */
    public static final String ARTEMIS_URL = "ARTEMIS_URL";

    public static final String DEFAULT_ARTEMIS_URL = "tcp://127.0.0.1:61616";

    /**
     * Broker credentials of the connection factories, resolved by Payara from the environment
     * (empty when unset). The launcher sets them from the user info of ARTEMIS_URL
     * (tcp://user:password@host:port); MDB activations get them from the adapter's configuration.
     */
    public static final String BROKER_USER = "${ENV=ARTEMIS_USER:}";

    public static final String BROKER_PASSWORD = "${ENV=ARTEMIS_PASSWORD:}";

    /** Where the broker parks messages that failed max-delivery-attempts times. */
    public static final String DEAD_LETTER_QUEUE = "DLQ";

    private ArvJms() {
    }
}
