package app.arv.web.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionTest {

    @Test
    void aNameWithAnUmlautIsSentWholeAsFilenameStarBesideAnAsciiFallback() {
        assertThat(ContentDisposition.attachment("Müller.glb"))
                .isEqualTo("attachment; filename=\"M_ller.glb\"; filename*=UTF-8''M%C3%BCller.glb");
    }

    @Test
    void anAsciiNameIsTheSameInBothForms() {
        assertThat(ContentDisposition.attachment("print-kit-1.pdf"))
                .isEqualTo("attachment; filename=\"print-kit-1.pdf\"; filename*=UTF-8''print-kit-1.pdf");
    }

    @Test
    void quotesAndBackslashesNeverEndTheQuotedFallback() {
        assertThat(ContentDisposition.inline("a\"b\\c d.png"))
                .isEqualTo("inline; filename=\"a_b_c d.png\"; filename*=UTF-8''a%22b%5Cc%20d.png");
    }
}
