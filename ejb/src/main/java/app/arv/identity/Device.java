package app.arv.identity;

/**
 * What a person sees of a signed-in device in their session list.
 *
 * @param userAgent     the client's {@code User-Agent}, or {@code null}
 * @param clientAddress the client's address (behind trusted proxies, the first untrusted one), or {@code null}
 */
public record Device(String userAgent, String clientAddress) {
}
