package app.arv.identity.sso;

import app.arv.outbound.AnswerLimit;
import app.arv.outbound.OutboundGuard;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Every HTTP call ARV makes to an identity provider (discovery, key set, code exchange), on one OkHttp client: each
 * connection resolves its host through the outbound guard (a name that turns internal after it was checked is refused
 * when connecting), no redirect is followed (it would lead to a host nobody checked), a call ends within three
 * timeouts, and an answer is read into memory only up to {@link #MAX_ANSWER_BYTES}. The Nimbus SDK's own transport
 * (HttpURLConnection) follows redirects, resolves through the system alone, and reads an answer whole for as long as
 * the provider sends it.
 */
public final class ProviderCalls implements HTTPRequestSender, ResourceRetriever {

    /** Far above a discovery document, a key set or a token answer (a few KiB each). */
    static final long MAX_ANSWER_BYTES = 1024 * 1024;

    private final OkHttpClient client;

    /** @param timeout connecting, and silence while reading or writing */
    ProviderCalls(OutboundGuard guard, Duration timeout) {
        client = new OkHttpClient.Builder()
                // The JVM's proxy would be the only address the guard's resolver checks (as for webhooks and stores).
                .proxy(Proxy.NO_PROXY)
                .dns(guard.dns())
                .connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(3))
                .followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .addInterceptor(AnswerLimit.every(MAX_ANSWER_BYTES))
                .build();
    }

    /**
     * The issuer's discovery document, as {@link OIDCProviderMetadata#resolve} reads it: a 200 answer naming that issuer.
     *
     * @throws IOException      when no such answer came
     * @throws GeneralException when the answer is not a discovery document of this issuer
     */
    OIDCProviderMetadata discover(Issuer issuer) throws IOException, GeneralException {
        HTTPResponse answer = new HTTPRequest(HTTPRequest.Method.GET, OIDCProviderMetadata.resolveURL(issuer)).send(this);
        if (answer.getStatusCode() != 200) {
            throw new IOException("the discovery document was answered with HTTP " + answer.getStatusCode());
        }
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(answer.getBodyAsJSONObject());
        if (!issuer.equals(metadata.getIssuer())) {
            throw new GeneralException("the discovery document names another issuer: " + metadata.getIssuer());
        }
        return metadata;
    }

    @Override
    public HTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        Request.Builder call = new Request.Builder().url(request.getURL());
        request.getHeaderMap().forEach((name, values) -> values.forEach(value -> call.addHeader(name, value)));
        // No media type of its own: the request's Content-Type header stays as the SDK set it.
        call.method(request.getMethod().name(), request.getBody() == null
                ? null
                : RequestBody.create(request.getBody().getBytes(StandardCharsets.UTF_8), (MediaType) null));
        try (Response response = client.newCall(call.build()).execute()) {
            HTTPResponse answer = new HTTPResponse(response.code());
            answer.setStatusMessage(response.message());
            for (String name : response.headers().names()) {
                answer.setHeader(name, response.headers(name).toArray(String[]::new));
            }
            String body = response.body().string();
            answer.setBody(body.isEmpty() ? null : body);
            return answer;
        }
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("the key set was answered with HTTP " + response.code());
            }
            MediaType type = response.body().contentType();
            return new Resource(response.body().string(), type == null ? null : type.toString());
        }
    }
}
