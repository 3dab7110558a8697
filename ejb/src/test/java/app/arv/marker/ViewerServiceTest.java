package app.arv.marker;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.project.Project;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the public viewer is shown, on real PostgreSQL and without a server. */
class ViewerServiceTest {

    private Organization acme;
    private Project wedding;
    private MediaResource portrait;
    private MediaResource marker;

    @BeforeEach
    void anOrganizationWithAPortraitAndItsCompiledMarker() {
        acme = TestData.organization("Acme");
        wedding = new Project(acme.getId(), "Wedding", null);
        portrait = TestData.resource(acme.getId(), "image/jpeg", "anna.jpg");
        marker = TestData.resource(acme.getId(), "application/octet-stream", "anna.mind");
        Database.inTransaction(em -> {
            em.persist(wedding);
            em.persist(portrait);
            em.persist(marker);
        });
    }

    private ArContent stored(Consumer<ArContent> arrange) {
        ArContent content = new ArContent(acme.getId(), wedding.getId(), "Anna", portrait.getId());
        content.markerReady(marker.getId(), 640, 480, 80, "good", "{}");
        arrange.accept(content);
        Database.inTransaction(em -> em.persist(content));
        return content;
    }

    private static <T> T viewer(Function<ViewerService, T> call) {
        AtomicReference<T> result = new AtomicReference<>();
        Database.inTransaction(em -> result.set(call.apply(new ServiceBeans(em).get(ViewerService.class))));
        return result.get();
    }

    @Test
    void publishedContentWithAMarkerIsShownWithThatMarker() {
        ArContent content = stored(c -> {
        });

        ViewerService.Showing showing = viewer(v -> v.showing(content.getUniqueId()));

        assertThat(showing.marker().getId()).isEqualTo(marker.getId());
        assertThat(showing.overlay()).isEmpty();
    }

    @Test
    void contentPastItsExpiryIsGone() {
        ArContent content = stored(c -> c.schedule(null, null, Instant.now().minusSeconds(60)));

        assertThatThrownBy(() -> viewer(v -> v.showing(content.getUniqueId())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(410);
                    assertThat(e.code()).isEqualTo("ar_content_expired");
                });
    }

    @Test
    void unpublishedContentIsNotFound() {
        ArContent content = stored(c -> c.publish(false));

        assertThatThrownBy(() -> viewer(v -> v.showing(content.getUniqueId())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void contentOfADeactivatedOrganizationIsNotFoundEvenWhenItHasEnded() {
        ArContent content = stored(c -> c.schedule(null, null, Instant.now().minusSeconds(60)));
        Database.inTransaction(em -> em.find(Organization.class, acme.getId()).setActive(false));

        assertThatThrownBy(() -> viewer(v -> v.showing(content.getUniqueId())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void contentWhoseMarkerIsNoLongerStoredIsNotFound() {
        ArContent content = stored(c -> {
        });
        Database.inTransaction(em -> em.find(MediaResource.class, marker.getId()).markDeleted(Instant.now()));

        assertThatThrownBy(() -> viewer(v -> v.showing(content.getUniqueId())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void viewingCountsOneViewAndShowingCountsNone() {
        ArContent content = stored(c -> {
        });

        viewer(v -> v.view(content.getUniqueId()));
        viewer(v -> v.showing(content.getUniqueId()));

        long views = viewer(v -> v.contents.findByUniqueId(content.getUniqueId()).orElseThrow().getViewsCount());
        assertThat(views).isEqualTo(1);
    }

    @Test
    void aViewCountsAmongTheLast30Days() {
        ArContent content = stored(c -> {
        });

        viewer(v -> v.view(content.getUniqueId()));

        AtomicReference<Long> recent = new AtomicReference<>();
        Caller member = Callers.memberOf(acme.getId());
        Database.inTransaction(em -> recent.set(new ServiceBeans(em).get(RecentViews.class).of(member, content.getId())));
        assertThat(recent.get()).isEqualTo(1);
    }
}
