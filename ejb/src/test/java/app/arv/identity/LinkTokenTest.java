package app.arv.identity;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTokenTest {

    @Test
    void aTokenIsThirtyTwoRandomBytesInBase64Url() {
        LinkToken token = LinkToken.random();

        assertThat(token.raw()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token.raw())).hasSize(32);
    }

    @Test
    void onlyTheSha256OfTheTokenIsKeptAndItIsFoundAgainFromTheLinksText() {
        LinkToken token = LinkToken.random();

        assertThat(token.hash()).matches("[0-9a-f]{64}").isEqualTo(LinkToken.hashOf(token.raw()));
        assertThat(token.toString()).doesNotContain(token.raw());
    }

    @Test
    void twoTokensDiffer() {
        assertThat(LinkToken.random().raw()).isNotEqualTo(LinkToken.random().raw());
    }

    @Test
    void theSha256IsTheStandardOne() {
        assertThat(LinkToken.hashOf("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
