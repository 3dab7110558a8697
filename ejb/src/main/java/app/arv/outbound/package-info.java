/**
 * Outbound: the one guard every URL a tenant supplies passes before ARV connects to it (S3 storage
 * endpoints, webhooks). A tenant must not be able to make ARV reach the machine it runs on,
 * the private network behind it or the cloud's metadata service (SSRF). The guard refuses such
 * addresses when the URL is accepted (every address the host resolves to) and again when a connection
 * is opened ({@link app.arv.outbound.OutboundGuard#dns()}: DNS may answer differently the second time). Operators
 * allow their own private hosts with {@code arv.outbound.allowed-hosts}; storage connections and webhooks, whose URLs
 * tenants choose, have lists of their own ({@code arv.storage.allowed-hosts}, {@code arv.webhook.allowed-hosts}: see
 * {@link app.arv.outbound.OutboundPolicy}). {@link app.arv.outbound.AnswerLimit} caps
 * what an HTTP client reads of such a server's answer into memory. Uses nothing of ARV but
 * {@code app.arv.shared} ({@link app.arv.shared.DomainException}, {@link app.arv.shared.Cidr}).
 */
package app.arv.outbound;
