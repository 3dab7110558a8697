package app.arv.identity.sso;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderSettingsTest {

    /** MicroProfile Config's environment mapping: arv.oidc.google.client-id is found as ARV_OIDC_GOOGLE_CLIENT_ID. */
    private static Optional<String> env(Map<String, String> env, String key) {
        return Optional.ofNullable(env.get(key.toUpperCase().replace('.', '_').replace('-', '_')));
    }

    @Test
    void eachIssuerVariableNamesAProvider() {
        Map<String, String> env = Map.of(
                "ARV_OIDC_GOOGLE_ISSUER", "https://accounts.google.com",
                "ARV_OIDC_GOOGLE_CLIENT_ID", "g-id", "ARV_OIDC_GOOGLE_CLIENT_SECRET", "g-secret",
                "ARV_OIDC_KEYCLOAK_ISSUER", "https://sso.acme.example/realms/acme",
                "ARV_OIDC_KEYCLOAK_CLIENT_ID", "arv", "ARV_OIDC_KEYCLOAK_CLIENT_SECRET", "k-secret",
                "ARV_JWT_ISSUER", "arv");

        Map<String, ProviderSettings> providers = ProviderSettings.fromKeys(env.keySet(), key -> env(env, key));

        assertThat(providers).containsOnlyKeys("google", "keycloak");
        assertThat(providers.get("google"))
                .isEqualTo(new ProviderSettings("google", "https://accounts.google.com", "g-id", "g-secret"));
    }

    @Test
    void aPropertyNamesAProviderToo() {
        Map<String, String> props = Map.of("arv.oidc.yandex.issuer", "https://login.yandex.ru",
                "arv.oidc.yandex.client-id", "y", "arv.oidc.yandex.client-secret", "s");

        Map<String, ProviderSettings> providers = ProviderSettings.fromKeys(props.keySet(), key -> Optional.ofNullable(props.get(key)));

        assertThat(providers).containsOnlyKeys("yandex");
    }

    @Test
    void noIssuerNoProviders() {
        assertThat(ProviderSettings.fromKeys(List.of("ARV_OIDC_TIMEOUT", "ARV_PUBLIC_URL"), key -> Optional.of("x"))).isEmpty();
    }

    @Test
    void anIssuerWithoutItsClientIsAStartupError() {
        Map<String, String> env = Map.of("ARV_OIDC_AZURE_ISSUER", "https://login.microsoftonline.com/t/v2.0",
                "ARV_OIDC_AZURE_CLIENT_ID", "a");

        assertThatThrownBy(() -> ProviderSettings.fromKeys(env.keySet(), key -> env(env, key)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ARV_OIDC_AZURE_CLIENT_SECRET");
    }

    @Test
    void theSecretIsNotPrinted() {
        assertThat(new ProviderSettings("g", "https://i", "id", "top-secret").toString()).doesNotContain("top-secret");
    }
}
