package app.arv.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTest {

    @Test
    void pathTraversalKeepsOnlyTheLastSegment() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
    }

    @Test
    void windowsPathsKeepOnlyTheFileName() {
        assertThat(FileNames.sanitize("C:\\Users\\ann\\Pictures\\poster.jpg")).isEqualTo("poster.jpg");
    }

    @Test
    void controlCharactersAndReservedCharactersBecomeUnderscores() {
        assertThat(FileNames.sanitize("po\u0000st\ner<1>.png")).isEqualTo("po_st_er_1_.png");
    }

    @Test
    void leadingDotsAreDropped() {
        assertThat(FileNames.sanitize("..hidden.jpg")).isEqualTo("hidden.jpg");
    }

    @Test
    void nothingLeftBecomesAFallbackName() {
        assertThat(FileNames.sanitize("../..")).isEqualTo("file");
        assertThat(FileNames.sanitize(null)).isEqualTo("file");
    }

    @Test
    void longNamesAreCappedKeepingTheExtension() {
        String name = FileNames.sanitize("a".repeat(500) + ".jpeg");

        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith(".jpeg");
    }

    @Test
    void aStemIsTheSanitizedNameWithoutItsExtension() {
        assertThat(FileNames.stem("a\u0000b.jpg")).isEqualTo("a_b");
        assertThat(FileNames.stem("evil\r\nname\u0085.jpg")).isEqualTo("evil__name_");
    }

    @Test
    void aLongStemIsCutBetweenCharactersNeverInsideOne() {
        String stem = FileNames.stem("a" + "\uD83D\uDE00".repeat(250) + ".jpg");

        assertThat(stem.codePointCount(0, stem.length())).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
        assertThat(stem.codePoints()).noneMatch(c -> Character.getType(c) == Character.SURROGATE);
    }
}
