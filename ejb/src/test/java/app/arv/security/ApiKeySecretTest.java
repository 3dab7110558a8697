package app.arv.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySecretTest {

    @Test
    void aGeneratedSecretIsRecognisedAsAnApiKeyAndNotAsAJwt() {
        ApiKeySecret secret = ApiKeySecret.generate();

        assertThat(ApiKeySecret.looksLikeOne(secret.value())).isTrue();
        assertThat(ApiKeySecret.looksLikeOne("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln")).isFalse();
    }

    @Test
    void twoGeneratedSecretsDiffer() {
        assertThat(ApiKeySecret.generate().value()).isNotEqualTo(ApiKeySecret.generate().value());
    }

    @Test
    void thePrefixIsTheMarkAndEightCharactersOfTheSecret() {
        ApiKeySecret secret = new ApiKeySecret("arv_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde");

        assertThat(secret.prefix()).isEqualTo("arv_AbCdEfGh");
        assertThat(secret.toString()).doesNotContain("IjKl");
    }

    @Test
    void theStoredHashIsTheSha256OfTheSecret() {
        // printf 'arv_test' | sha256sum
        assertThat(new ApiKeySecret("arv_test").hash())
                .isEqualTo("0493eceda5f062a3433bddb2022d7da890a374b24356171cb09cfae0aa6671f1");
    }
}
