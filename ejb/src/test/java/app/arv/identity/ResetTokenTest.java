package app.arv.identity;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class ResetTokenTest {

    @Test
    void aTokenIsThirtyTwoRandomBytesInBase64Url() {
        ResetToken token = ResetToken.random();

        assertThat(token.raw()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token.raw())).hasSize(32);
    }

    @Test
    void onlyTheSha256OfTheTokenIsKeptAndItIsFoundAgainFromTheLinksText() {
        ResetToken token = ResetToken.random();

        assertThat(token.hash()).matches("[0-9a-f]{64}").isEqualTo(ResetToken.hashOf(token.raw()));
        assertThat(token.toString()).doesNotContain(token.raw());
    }

    @Test
    void twoTokensDiffer() {
        assertThat(ResetToken.random().raw()).isNotEqualTo(ResetToken.random().raw());
    }

    @Test
    void theSha256IsTheStandardOne() {
        assertThat(ResetToken.hashOf("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
