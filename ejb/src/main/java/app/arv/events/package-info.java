/**
 * Live events between nodes, over Redis. {@link RedisConnection} is the application's one Redis pool
 * (short timeouts: a stalled Redis must fail readiness, not hang request threads).
 * {@link PatternSubscription} keeps one pattern subscription per purpose alive across outages (a Redis
 * that went silent without closing the connection included: it pings), made and started on first need by a
 * {@link SubscriptionOnce};
 * {@link OrganizationEventHub} fans an organization's events out to this node's WebSocket clients,
 * keeping them in a {@link ListenerRegistry}. {@link RedisKeys} holds every feature's prefix of keys and channels in
 * Redis, so that no two features share one and none changes between versions. {@link AfterCommit} runs work once the current transaction
 * has committed: events must not announce a change before it is visible, nor one that rolled back, and
 * an object must not be deleted before the deletion is committed. {@link LiveEvents} is how a feature announces
 * on Redis after the commit (markers' status, generation events, in-app notifications), a Redis outage logged and
 * lost, never thrown at work that is already committed.
 *
 * <p>Events are live only and a Redis outage costs a notification, never a state change. Used by
 * generation, markers, notification (the console's live push), media, security (credential change notices), protection
 * (rate-limit counters) and health; uses only {@code shared} (never {@code security}, which tells the hub when a
 * credential changed: {@link OrganizationEventHub#recheckListeners()}).
 */
package app.arv.events;
