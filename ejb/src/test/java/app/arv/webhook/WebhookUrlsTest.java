package app.arv.webhook;

import app.arv.outbound.AllowedHosts;
import app.arv.outbound.OutboundGuard;
import app.arv.outbound.OutboundPolicy;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class WebhookUrlsTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "rebound.example.com", "10.0.0.7",
            "receiver.internal", "10.20.0.5");

    private static final OutboundGuard.Resolver RESOLVER = host -> {
        String address = DNS.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[]{InetAddress.getByName(address)};
    };

    private static final WebhookUrls URLS = new WebhookUrls(new OutboundGuard(new AllowedHosts(List.of("receiver.internal")), RESOLVER));

    @Test
    void anHttpsUrlOnAPublicHostIsAccepted() {
        assertThat(URLS.check("  https://hooks.example.com/arv?x=1 ")).isEqualTo("https://hooks.example.com/arv?x=1");
    }

    @Test
    void plainHttpIsAcceptedOnlyForAnAllowedHost() {
        assertThat(URLS.check("http://receiver.internal:8080/arv")).isEqualTo("http://receiver.internal:8080/arv");
        assertThatThrownBy(() -> URLS.check("http://hooks.example.com/arv")).isInstanceOf(DomainException.class)
                .hasMessageContaining("https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://rebound.example.com/", "https://127.0.0.1/", "https://[::1]/", "https://169.254.169.254/",
            "https://user:pw@hooks.example.com/", "ftp://hooks.example.com/", "https://nowhere.example.com/", "not a url"})
    void internalAddressesAndOtherSchemesAreRefused(String url) {
        assertThatThrownBy(() -> URLS.check(url)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("endpoint_not_allowed"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34:65536/", "https://93.184.216.34:99999/", "https://hooks.example.com:0/"})
    void aPortNoSocketCanUseIsRefused(String url) {
        assertThatThrownBy(() -> URLS.check(url)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("endpoint_not_allowed"));
    }

    @Test
    void aHostTheOperatorAllowedForItsOwnStoresIsRefusedToWebhooks() {
        WebhookUrls urls = new WebhookUrls(new OutboundPolicy("minio.internal", "", RESOLVER).webhookGuard());

        assertThatThrownBy(() -> urls.check("http://minio.internal:9000/hook")).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("endpoint_not_allowed"));
        assertThatThrownBy(() -> urls.check("https://minio.internal/hook")).isInstanceOf(DomainException.class);
    }

    @Test
    void aHostTheOperatorAllowedForWebhooksIsAccepted() {
        WebhookUrls urls = new WebhookUrls(new OutboundPolicy("", "receiver.internal", RESOLVER).webhookGuard());

        assertThat(urls.check("http://receiver.internal:8080/arv")).isEqualTo("http://receiver.internal:8080/arv");
    }

    @Test
    void aNameThatResolvesPrivatelyAndOneThatDoesNotResolveGetTheSameAnswer() {
        Throwable privateName = catchThrowable(() -> URLS.check("https://rebound.example.com/hook"));
        Throwable unknownName = catchThrowable(() -> URLS.check("https://nowhere.example.com/hook"));
        Throwable linkLocal = catchThrowable(() -> URLS.check("https://169.254.169.254/hook"));

        assertThat(privateName).isInstanceOf(DomainException.class).hasMessage(unknownName.getMessage())
                .hasMessage(linkLocal.getMessage()).hasMessageNotContaining("rebound").hasMessageNotContaining("private");
    }

    @Test
    void anOverlongUrlIsRefused() {
        assertThatThrownBy(() -> URLS.check("https://hooks.example.com/" + "a".repeat(WebhookUrls.MAX_LENGTH)))
                .isInstanceOf(DomainException.class);
    }
}
