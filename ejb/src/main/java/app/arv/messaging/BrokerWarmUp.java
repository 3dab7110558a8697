package app.arv.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Has the broker asked once right after the application has started ({@link BrokerAvailability#askAtStart}). A timer,
 * because an EJB timer fires only once the deployment is complete: the health factory the question goes through is
 * defined by an EJB's annotations ({@link JmsConnectionFactories}), and asking at CDI's start of the application scope
 * failed the EAR's deployment on Payara Server (the factory was not bound yet).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class BrokerWarmUp {

    @Resource
    TimerService timers;

    @Inject
    BrokerAvailability availability;

    @PostConstruct
    void schedule() {
        timers.createSingleActionTimer(1, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void ask() {
        availability.askAtStart();
    }
}
