package app.arv.webhook;

import app.arv.outbound.OutboundPolicy;
import app.arv.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Posts one signed delivery. The URL passes the webhook rules again (the allow-list may have changed) and every
 * connection resolves its host through the outbound guard, so a name that pointed to a public address when the
 * webhook was saved and to an internal one now (DNS rebinding) is refused at connect time. No redirect is followed
 * (it would lead to a host nobody checked); short timeouts keep a slow receiver from holding a sender.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String EVENT_ID = "ARV-Event-Id";
    public static final String EVENT_TYPE = "ARV-Event-Type";
    public static final String USER_AGENT = "ARV-Webhooks/1";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int EXCERPT_BYTES = 500;

    @Inject
    WebhookSettings settings;

    @Inject
    OutboundPolicy outbound;

    private OkHttpClient client;

    @PostConstruct
    void init() {
        client = new OkHttpClient.Builder()
                .dns(outbound.webhookGuard().dns())
                .connectTimeout(settings.connectTimeout()).readTimeout(settings.readTimeout()).writeTimeout(settings.readTimeout())
                .callTimeout(settings.longestAttempt())
                .followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    /** @param secrets the secrets to sign with, current first (two during a rotation's grace period) */
    public AttemptResult send(String url, String eventId, String eventType, String body, List<String> secrets) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        try {
            new WebhookUrls(outbound.webhookGuard()).check(url);
        } catch (DomainException refused) {
            return new AttemptResult(at, Duration.ZERO, null, null, "Not sent: " + refused.getMessage());
        }
        try {
            Request request = new Request.Builder().url(url)
                    .header(WebhookSignature.HEADER, WebhookSignature.header(at.getEpochSecond(), body, secrets))
                    .header(EVENT_ID, eventId)
                    .header(EVENT_TYPE, eventType)
                    .header("User-Agent", USER_AGENT)
                    .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON))
                    .build();
            try (Response response = client.newCall(request).execute()) {
                return new AttemptResult(at, Duration.ofNanos(System.nanoTime() - started), response.code(), excerpt(response.body()),
                        response.isSuccessful() ? null : "HTTP " + response.code());
            }
        } catch (IOException | RuntimeException e) {
            // A runtime failure too (a URL or header OkHttp refuses) is a failed attempt, recorded and retried on the
            // schedule: thrown, it would leave the delivery claimed and unrecorded, to be claimed again for ever.
            return new AttemptResult(at, Duration.ofNanos(System.nanoTime() - started), null, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static String excerpt(ResponseBody body) throws IOException {
        if (body == null) {
            return null;
        }
        try (InputStream in = body.byteStream()) {
            String text = new String(in.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
            return text.isEmpty() ? null : text;
        }
    }
}
