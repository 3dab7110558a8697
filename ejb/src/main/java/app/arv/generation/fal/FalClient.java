package app.arv.generation.fal;

import app.arv.shared.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/**
 * FAL.AI over HTTP. Every call is retried on transport errors and 429/5xx (a few times, with a pause
 * and jitter) and never on other 4xx; a circuit breaker stops calling a FAL that keeps failing. The key
 * goes only to FAL's own host, never to the CDN the result files come from.
 */
@ApplicationScoped
public class FalClient {

    /**
     * How long an open breaker refuses calls, in milliseconds on purpose: Payara 6 (2025.10) schedules
     * the half-open trial after the bare {@code delay} number as milliseconds, ignoring {@code delayUnit}
     * (30 with SECONDS reopened the door after 30 ms; seen in FalGenerationIT).
     */
    static final long OPEN_MILLIS = 30_000;

    @Inject
    FalRules rules;

    public boolean configured() {
        return rules.configured();
    }

    /** @return FAL's answer: request_id, status_url, response_url, cancel_url */
    @Retry(maxRetries = 3, delay = 500, jitter = 250, delayUnit = ChronoUnit.MILLIS,
            retryOn = {FalUnavailableException.class, ProcessingException.class}, abortOn = FalRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = OPEN_MILLIS, delayUnit = ChronoUnit.MILLIS,
            failOn = {FalUnavailableException.class, ProcessingException.class}, skipOn = FalRejectedException.class)
    public JsonObject submit(JsonObject input) {
        FalQueueApi queue = builder(URI.create(rules.baseUrl().endsWith("/") ? rules.baseUrl() : rules.baseUrl() + "/")).build(FalQueueApi.class);
        try (Response response = queue.submit(input.toString())) {
            return json(checked(response, "submit"));
        }
    }

    /** GET of a URL FAL handed out (status with logs, or the result). */
    @Retry(maxRetries = 3, delay = 500, jitter = 250, delayUnit = ChronoUnit.MILLIS,
            retryOn = {FalUnavailableException.class, ProcessingException.class}, abortOn = FalRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = OPEN_MILLIS, delayUnit = ChronoUnit.MILLIS,
            failOn = {FalUnavailableException.class, ProcessingException.class}, skipOn = FalRejectedException.class)
    public JsonObject get(String url, boolean logs) {
        try (Response response = builder(URI.create(url)).build(FalUrlApi.class).get(logs ? 1 : null)) {
            return json(checked(response, "GET " + URI.create(url).getPath()));
        }
    }

    /** Downloads a result file (size-capped): FAL's file URLs expire, so the bytes come into ARV's storage. */
    @Retry(maxRetries = 3, delay = 500, jitter = 250, delayUnit = ChronoUnit.MILLIS,
            retryOn = {FalUnavailableException.class, ProcessingException.class}, abortOn = FalRejectedException.class)
    public byte[] download(String url) {
        try (Response response = builder(URI.create(url)).build(FalUrlApi.class).get(null)) {
            checked(response, "download");
            try (InputStream in = response.readEntity(InputStream.class)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, rules.maxDownloadBytes() + 1));
                if (bytes.length > rules.maxDownloadBytes()) {
                    throw new FalRejectedException("result file larger than " + rules.maxDownloadBytes() + " bytes");
                }
                return bytes;
            } catch (IOException e) {
                throw new ProcessingException(e);
            }
        }
    }

    /** Best effort: FAL stops a request we no longer wait for. */
    @SuppressWarnings("try") // the response is only closed, never read
    public void cancel(String cancelUrl) {
        try (Response ignored = builder(URI.create(cancelUrl)).build(FalUrlApi.class).put()) {
            // Nothing to read: a failed cancel only costs what the request costs anyway.
        } catch (RuntimeException e) {
            // Same.
        }
    }

    private RestClientBuilder builder(URI uri) {
        URI fal = URI.create(rules.baseUrl());
        boolean ours = fal.getHost() != null && fal.getHost().equalsIgnoreCase(uri.getHost()) && fal.getPort() == uri.getPort();
        RestClientBuilder builder = RestClientBuilder.newBuilder().baseUri(uri)
                .connectTimeout(rules.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(rules.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // Statuses are judged here (429/5xx retried, other 4xx not), not turned into exceptions by the client.
                .property("microprofile.rest.client.disable.default.mapper", true);
        if (ours && configured()) {
            builder.register((ClientRequestFilter) request -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Key " + rules.key().get().strip()));
        }
        return builder;
    }

    private static Response checked(Response response, String what) {
        int status = response.getStatus();
        if (status == 429 || status >= 500) {
            throw new FalUnavailableException("FAL.AI " + what + " answered " + status);
        }
        if (status >= 400) {
            throw new FalRejectedException("FAL.AI " + what + " answered " + status + detail(response));
        }
        return response;
    }

    private static String detail(Response response) {
        try {
            String body = response.readEntity(String.class);
            return body == null || body.isBlank() ? "" : ": " + (body.length() > 300 ? body.substring(0, 300) : body);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static JsonObject json(Response response) {
        String body = response.readEntity(String.class);
        try (JsonReader reader = Jsonp.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new FalRejectedException("FAL.AI answered something that is not a JSON object");
        }
    }
}
