package app.arv.generation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveNamesTest {

    @Test
    void aModelIsNamedByItsPositionAndItsSourcesName() {
        assertThat(ArchiveNames.model(0, "horse.png")).isEqualTo("01-horse.glb");
    }

    @Test
    void aNameInAnotherScriptKeepsItsLetters() {
        assertThat(ArchiveNames.model(2, "фото кота.jpg")).isEqualTo("03-фото_кота.glb");
    }

    @Test
    void aNameKeepsTheCombiningMarksOfItsScript() {
        assertThat(ArchiveNames.model(0, "फोटो.jpg")).isEqualTo("01-फोटो.glb");
        assertThat(ArchiveNames.model(0, "ภาพถ่าย.jpg")).isEqualTo("01-ภาพถ่าย.glb");
    }

    @Test
    void aDecomposedAccentIsComposedNotLost() {
        assertThat(ArchiveNames.model(0, "cafe\u0301.jpg")).isEqualTo("01-caf\u00e9.glb");
    }

    @Test
    void nothingInASourcesNameLeadsOutOfTheFolder() {
        assertThat(ArchiveNames.model(0, "../../etc/passwd.png")).isEqualTo("01-etc_passwd.glb");
        assertThat(ArchiveNames.model(0, "a\\b:c\u0000d.png")).isEqualTo("01-a_b_c_d.glb");
    }

    @Test
    void aPreviewTakesTheExtensionOfItsType() {
        assertThat(ArchiveNames.preview(0, "horse.png", "image/png")).isEqualTo("previews/01-horse.png");
        assertThat(ArchiveNames.preview(0, "horse.png", "image/webp")).isEqualTo("previews/01-horse.webp");
    }

    @Test
    void aModelWhoseSourceIsGoneIsCalledModel() {
        assertThat(ArchiveNames.model(11, null)).isEqualTo("12-model.glb");
    }
}
