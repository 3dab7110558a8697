package app.arv.printkit;

import app.arv.media.ImageDecoding;
import app.arv.media.TestDecodings;
import app.arv.persistence.Database;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.media.MediaResource;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.shared.DomainException;
import app.arv.storage.MisbehavingS3;
import app.arv.storage.OrganizationFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Which AR content a kit may hold, and how a store that misbehaves while sending a portrait is answered, on real
 * PostgreSQL and without a server (the pages themselves are {@link PrintKitTest}'s and PrintKitIT's).
 */
class PrintKitsTest {

    private static final PrintKits.Options A6 = new PrintKits.Options(PrintSize.A6, false, KitLanguage.EN);
    private static final int MAX_PAGES = 2;

    @TempDir
    Path dataDir;
    private OrganizationFiles files;
    private Caller member;

    @BeforeEach
    void anOrganizationWithAProject() {
        files = new OrganizationFiles(dataDir);
        member = files.member;
    }

    @Test
    void aProjectWithMoreArContentThanTheLimitIsRefusedNamingTheLimit() {
        List.of("Anna", "Boris", "Clara").forEach(title -> content(title, false));

        assertThatThrownBy(() -> kits(k -> k.ofProject(member, files.wedding.getId(), A6, c -> "https://ar.example.com/ar/x")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("too_many_pages");
                    assertThat(e.limit()).isEqualTo(new DomainException.Limit("max_pages", MAX_PAGES));
                });
    }

    @Test
    void failedMarkersDoNotCountAgainstTheLimit() {
        content("Anna", true);
        content("Boris", true);
        content("Clara", true);

        assertThatThrownBy(() -> kits(k -> k.ofProject(member, files.wedding.getId(), A6, c -> "https://ar.example.com/ar/x")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("nothing_to_print"));
    }

    @Test
    void anotherOrganizationsProjectIsNotFound() {
        content("Anna", false);
        Caller stranger = Callers.memberOf(UUID.randomUUID());

        assertThatThrownBy(() -> kits(k -> k.ofProject(stranger, files.wedding.getId(), A6, c -> "x")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void anotherOrganizationsArContentIsNotFound() {
        ArContent anna = content("Anna", false);
        Caller stranger = Callers.memberOf(UUID.randomUUID());

        assertThatThrownBy(() -> kits(k -> k.ofContent(stranger, anna.getId(), A6, c -> "x")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void aStoreThatBreaksOffWhileSendingAPortraitIsUnavailableForNow() throws Exception {
        try (MisbehavingS3 store = new MisbehavingS3(MisbehavingS3.Misbehaviour.CUT_SHORT)) {
            ArContent anna = contentIn(store, "Anna");

            assertThatThrownBy(() -> kits(k -> k.ofContent(member, anna.getId(), A6, c -> "https://ar.example.com/ar/x")))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("storage_unavailable");
                        assertThat(e.retryAfter()).isPresent();
                    });
        }
    }

    @Test
    void aStoreThatSendsMoreThanThePortraitHasIsUnavailableAtOnce() throws Exception {
        try (MisbehavingS3 store = new MisbehavingS3(MisbehavingS3.Misbehaviour.ENDLESS_BODY)) {
            ArContent anna = contentIn(store, "Anna");

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                    () -> kits(k -> k.ofContent(member, anna.getId(), A6, c -> "https://ar.example.com/ar/x")))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("storage_unavailable")));
        }
    }

    @Test
    void aPortraitsPageIsMadeWhileItsDecodeSlotIsHeld() throws Exception {
        ImageDecoding oneSlot = TestDecodings.of(50_000_000, 1, Duration.ofSeconds(1));
        ArContent anna = contentWithPortrait("Anna", "/images/chelsea.png");
        List<Integer> freeWhileMakingThePage = new ArrayList<>();

        try (PrintKit kit = kits(oneSlot, k -> k.ofContent(member, anna.getId(), A6, c -> {
            // the page's QR link is asked for while the page is made
            freeWhileMakingThePage.add(oneSlot.freeSlots());
            return "https://ar.example.com/ar/x";
        }))) {
            assertThat(kit.pages()).isEqualTo(1);
        }
        assertThat(freeWhileMakingThePage).containsExactly(0);
        assertThat(oneSlot.freeSlots()).isEqualTo(1);
    }

    /** An AR content whose portrait (a test image) is in the platform's local store. */
    private ArContent contentWithPortrait(String title, String image) {
        MediaResource portrait = files.storedLocally(OrganizationFiles.image(image), "image/png", title + ".png", 451, 300);
        ArContent content = new ArContent(files.acme.getId(), files.wedding.getId(), title, portrait.getId());
        Database.persist(content);
        return content;
    }

    /** An AR content whose portrait of {@value MisbehavingS3#PROMISED_BYTES} bytes is kept in the organization's bucket at {@code store}. */
    private ArContent contentIn(MisbehavingS3 store, String title) {
        MediaResource portrait = files.inBucket(files.bucketAt(store), "image/jpeg", title + ".jpg");
        ArContent content = new ArContent(files.acme.getId(), files.wedding.getId(), title, portrait.getId());
        Database.persist(content);
        return content;
    }

    private ArContent content(String title, boolean failed) {
        byte[] sha = new byte[32];
        ThreadLocalRandom.current().nextBytes(sha);
        UUID mediaId = UUID.randomUUID();
        MediaResource portrait = new MediaResource(mediaId, files.acme.getId(), HexFormat.of().formatHex(sha), 1000, "image/jpeg",
                title + ".jpg", 640, 480, null, "orgs/" + files.acme.getId() + "/" + mediaId);
        ArContent content = new ArContent(files.acme.getId(), files.wedding.getId(), title, portrait.getId());
        if (failed) {
            content.markerFailed("unusable", 0, "unusable", "{}");
        }
        Database.persist(portrait, content);
        return content;
    }

    private <T> T kits(Function<PrintKits, T> call) {
        return kits(TestDecodings.of(50_000_000, 2, Duration.ofSeconds(1)), call);
    }

    private <T> T kits(ImageDecoding decoding, Function<PrintKits, T> call) {
        AtomicReference<T> result = new AtomicReference<>();
        Database.inTransaction(em -> result.set(call.apply(files.stores.beans(em).with(ImageDecoding.class, decoding)
                .with(PrintKitRules.class, new PrintKitRules(MAX_PAGES)).get(PrintKits.class))));
        return result.get();
    }
}
