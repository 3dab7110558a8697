/**
 * The {@code /ws/events} WebSocket ({@link OrganizationEventsEndpoint}): every generation and marker event
 * of the caller's organization, live, from any node, through {@code app.arv.events}. Outside JAX-RS, so it
 * authenticates itself: the credential comes as a query parameter (browsers cannot set headers on a
 * WebSocket) and is checked again on every heartbeat and change notice; a refused one closes with 1008.
 * Each socket's messages go out through its own {@link SocketSender}, so a client that stops reading is
 * closed (1013) rather than holding up the node's Redis subscription and everybody else's events.
 */
package app.arv.web.events;
