package app.arv.web.it;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/** What the suite's broker knows of a queue, asked over its core protocol (the embedded broker runs without security). */
final class BrokerQueues {

    private BrokerQueues() {
    }

    /** The consumers on the queue now: the MDB sessions of every node that listens to it. */
    static int consumers(String queue) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(ArvServer.stack().artemisUrl());
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession()) {
            return session.queueQuery(SimpleString.of(queue)).getConsumerCount();
        }
    }
}
