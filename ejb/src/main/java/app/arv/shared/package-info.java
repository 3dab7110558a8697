/**
 * What every layer above persistence shares: {@link DomainException}, the one way a rule refuses (an HTTP
 * status and a stable problem code, made only by its named factories so each code has one status; the web
 * layer turns it into an RFC 9457 problem without knowing the rule), {@link Jsonp} (JSON-P through one
 * provider looked up once — never call {@code jakarta.json.Json}'s statics, which look it up on every call),
 * {@link Cidr} (address blocks, parsed without DNS), {@link KeptSecret} (a key ARV makes once and keeps in
 * its data directory), {@link Backoff} (a wait that doubles with each failure, up to a maximum), {@link Causes} (a failure's chain of
 * causes, searched for what it was really about), {@link DatabaseOutage} (a failure that says the database was out of
 * reach), {@link Sha256} (the one digest, in bytes or hex), and {@link WireName} (an enum constant's name in payloads,
 * events and messages: lower snake_case in {@code Locale.ROOT}, the rule the web layer's JSON adapter shares). Depends
 * on nothing of ARV; every {@code ejb} package and the web layer use it.
 */
package app.arv.shared;
