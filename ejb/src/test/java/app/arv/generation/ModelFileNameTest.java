package app.arv.generation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFileNameTest {

    @Test
    void aModelIsNamedAfterItsSourceImage() {
        assertThat(ModelFileName.of("horse.jpg").glb()).isEqualTo("horse.glb");
    }

    @Test
    void aModelsUsdzIsNamedAsItsGlb() {
        assertThat(ModelFileName.of("horse.glb").usdz()).isEqualTo("horse.usdz");
    }

    @Test
    void aPreviewIsNamedAfterTheSourceAndItsOwnType() {
        assertThat(ModelFileName.of("horse.jpg").preview("image/png")).isEqualTo("horse-preview.png");
        assertThat(ModelFileName.of("horse.jpg").preview("image/webp")).isEqualTo("horse-preview.webp");
    }

    @Test
    void onlyTheLastExtensionGoesAndALeadingDotIsPartOfTheName() {
        assertThat(ModelFileName.of("my.horse.jpg").glb()).isEqualTo("my.horse.glb");
        assertThat(ModelFileName.of(".horse").glb()).isEqualTo(".horse.glb");
    }

    @Test
    void aMissingOrBlankNameGivesModel() {
        assertThat(ModelFileName.of(null).glb()).isEqualTo("model.glb");
        assertThat(ModelFileName.of(" ").usdz()).isEqualTo("model.usdz");
    }
}
