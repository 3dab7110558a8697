package app.arv.webhook;

import app.arv.outbound.OutboundGuard;
import app.arv.shared.DomainException;
import okhttp3.HttpUrl;

import java.util.Locale;

/**
 * Which URLs a webhook may post to: those the webhooks' outbound guard passes ({@code OutboundPolicy#webhookGuard}: no
 * internal addresses unless the operator listed them for webhooks, checked again at every connection), and https only
 * — plain http only to a host the operator listed, since the body and its signature would otherwise cross the internet
 * readable by anyone on the way.
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2048;

    private final OutboundGuard guard;

    public WebhookUrls(OutboundGuard guard) {
        this.guard = guard;
    }

    /**
     * @return the URL as it will be stored (trimmed)
     * @throws DomainException {@code endpoint_not_allowed} (422)
     */
    public String check(String url) {
        String text = url == null ? "" : url.strip();
        if (text.length() > MAX_LENGTH) {
            throw DomainException.endpointNotAllowed("url is longer than " + MAX_LENGTH + " characters");
        }
        // Any stranger can sign up and try URLs here: the guard does not tell them how the installation's DNS answered.
        OutboundGuard.CheckedUrl checked = guard.checkQuietly("url", text);
        // java.net.URI takes any number as a port; OkHttp refuses what no socket can use when the delivery is sent,
        // and a delivery that cannot even be tried would never settle. So the sender's own parser decides here.
        if (checked.port() < 1 || checked.port() > 65535 || HttpUrl.parse(text) == null) {
            throw DomainException.endpointNotAllowed("url must be an http(s) URL with a port from 1 to 65535");
        }
        if (!"https".equals(checked.uri().getScheme().toLowerCase(Locale.ROOT)) && !guard.listed(checked)) {
            throw DomainException.endpointNotAllowed("url must be an https URL (plain http only to hosts the operator allowed)");
        }
        return text;
    }
}
