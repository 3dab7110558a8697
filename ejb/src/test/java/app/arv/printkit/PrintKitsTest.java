package app.arv.printkit;

import app.arv.media.ImageDecoding;
import app.arv.media.TestDecodings;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.project.Project;
import app.arv.persistence.storage.StorageConnection;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.shared.DomainException;
import app.arv.storage.MisbehavingS3;
import app.arv.storage.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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
    private TestStores stores;

    private Organization acme;
    private Project wedding;
    private Caller member;

    @BeforeEach
    void anOrganizationWithAProject() {
        stores = new TestStores(dataDir);
        acme = new Organization("Acme", "acme-" + UUID.randomUUID().toString().substring(0, 8));
        wedding = new Project(acme.getId(), "Wedding", null);
        Database.persist(acme, wedding);
        member = callerOf(acme.getId());
    }

    @Test
    void aProjectWithMoreArContentThanTheLimitIsRefusedNamingTheLimit() {
        List.of("Anna", "Boris", "Clara").forEach(title -> content(title, false));

        assertThatThrownBy(() -> kits(k -> k.ofProject(member, wedding.getId(), A6, c -> "https://ar.example.com/ar/x")))
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

        assertThatThrownBy(() -> kits(k -> k.ofProject(member, wedding.getId(), A6, c -> "https://ar.example.com/ar/x")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("nothing_to_print"));
    }

    @Test
    void anotherOrganizationsProjectIsNotFound() {
        content("Anna", false);

        assertThatThrownBy(() -> kits(k -> k.ofProject(callerOf(UUID.randomUUID()), wedding.getId(), A6, c -> "x")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("not_found"));
    }

    @Test
    void anotherOrganizationsArContentIsNotFound() {
        ArContent anna = content("Anna", false);

        assertThatThrownBy(() -> kits(k -> k.ofContent(callerOf(UUID.randomUUID()), anna.getId(), A6, c -> "x")))
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
    private ArContent contentWithPortrait(String title, String image) throws IOException {
        UUID mediaId = UUID.randomUUID();
        String key = "orgs/" + acme.getId() + "/media/" + mediaId;
        byte[] bytes;
        try (InputStream in = PrintKitsTest.class.getResourceAsStream(image)) {
            bytes = in.readAllBytes();
        }
        Path file = dataDir.resolve("storage").resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        MediaResource portrait = new MediaResource(mediaId, acme.getId(), TestData.randomSha256(), bytes.length, "image/png",
                title + ".png", 451, 300, null, key);
        ArContent content = new ArContent(acme.getId(), wedding.getId(), title, portrait.getId());
        Database.persist(portrait, content);
        return content;
    }

    /** An AR content whose portrait of 1000 bytes is kept in the organization's S3 bucket at {@code store}. */
    private ArContent contentIn(MisbehavingS3 store, String title) {
        StorageConnection bucket = stores.s3(acme.getId(), "bucket " + UUID.randomUUID(), store.endpoint(), "arv-media",
                "key", "secret");
        UUID mediaId = UUID.randomUUID();
        MediaResource portrait = new MediaResource(mediaId, acme.getId(), TestData.randomSha256(), 1000, "image/jpeg",
                title + ".jpg", 640, 480, bucket.getId(), "orgs/" + acme.getId() + "/media/" + mediaId);
        ArContent content = new ArContent(acme.getId(), wedding.getId(), title, portrait.getId());
        Database.persist(bucket, portrait, content);
        return content;
    }

    private ArContent content(String title, boolean failed) {
        byte[] sha = new byte[32];
        ThreadLocalRandom.current().nextBytes(sha);
        UUID mediaId = UUID.randomUUID();
        MediaResource portrait = new MediaResource(mediaId, acme.getId(), HexFormat.of().formatHex(sha), 1000, "image/jpeg",
                title + ".jpg", 640, 480, null, "orgs/" + acme.getId() + "/" + mediaId);
        ArContent content = new ArContent(acme.getId(), wedding.getId(), title, portrait.getId());
        if (failed) {
            content.markerFailed("unusable", 0, "unusable", "{}");
        }
        Database.persist(portrait, content);
        return content;
    }

    private static Caller callerOf(UUID org) {
        return new Caller(UUID.randomUUID(), null, org, "member", Set.of(CallerRole.MEMBER));
    }

    private <T> T kits(Function<PrintKits, T> call) {
        return kits(TestDecodings.of(50_000_000, 2, Duration.ofSeconds(1)), call);
    }

    private <T> T kits(ImageDecoding decoding, Function<PrintKits, T> call) {
        AtomicReference<T> result = new AtomicReference<>();
        Database.inTransaction(em -> result.set(call.apply(stores.beans(em).with(ImageDecoding.class, decoding)
                .with(PrintKitRules.class, new PrintKitRules(MAX_PAGES)).get(PrintKits.class))));
        return result.get();
    }
}
