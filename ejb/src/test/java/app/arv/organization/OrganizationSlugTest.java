package app.arv.organization;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationSlugTest {

    @Test
    void aLatinNameBecomesLowerCaseWordsJoinedByHyphensWithASuffix() {
        assertThat(OrganizationSlug.from("  Café Müller & Söhne, GmbH ", new Random(1))).matches("cafe-muller-sohne-gmbh-[a-z0-9]{6}");
    }

    @Test
    void aNameWithoutLatinLettersGetsAGenericBase() {
        assertThat(OrganizationSlug.from("Фотостудия «Рассвет»", new Random(1))).matches("org-[a-z0-9]{6}");
    }

    @Test
    void aLongNameIsCutWithoutATrailingHyphen() {
        assertThat(OrganizationSlug.from("a".repeat(39) + " bbbbbbbbbb", new Random(1))).matches("a{39}-[a-z0-9]{6}");
    }

    @Test
    void everySlugFitsTheDatabasesFormat() {
        assertThat(OrganizationSlug.from("--Weird__Name--!!", new Random(2))).matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")
                .hasSizeLessThanOrEqualTo(63);
    }
}
