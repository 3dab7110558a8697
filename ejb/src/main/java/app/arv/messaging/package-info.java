/**
 * JMS through the Artemis resource adapter: {@link ArvJms} names the adapter, connection factories and
 * queues that producers and MDBs share; {@link JmsConnectionFactories} defines the factories (a
 * transactional one, so a message is sent only if the caller's transaction commits, and a short-timeout
 * one for checks). {@link BrokerAvailability} asks the broker for a round trip before a request stores
 * anything that ends in a queue message, so it fails fast with 503 {@code queue_unavailable} instead of
 * blocking (what the broker last answered is trusted for a while and refreshed in the background, so a slow broker is
 * not refused; {@link BrokerWarmUp} has it asked once right after the application started, so the first such request
 * does not wait for the connection to open); {@link BrokerManagement} asks the broker's management address for queue
 * figures over plain JMS.
 * Used by generation, markers and {@code platform.health} (whose {@code artemis} check makes the round trip through the
 * health connection factory); uses only {@code shared}.
 */
package app.arv.messaging;
