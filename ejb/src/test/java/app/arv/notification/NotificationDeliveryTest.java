package app.arv.notification;

import app.arv.ServiceBeans;
import app.arv.events.AfterCommit;
import app.arv.events.NothingAfterCommit;
import app.arv.marker.ExpiryWatch;
import app.arv.marker.MarkerOccurrences;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.mail.OutboxMail;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.notification.Notification;
import app.arv.persistence.notification.NotificationChannel;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.project.Project;
import app.arv.platform.PublicAddress;
import app.arv.protection.QuotaKind;
import app.arv.protection.QuotaOccurrences;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import app.arv.shared.Jsonp;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Occurrences told to people, on real PostgreSQL: who hears (admins and the person who started the work, never another
 * organization), on which channels (defaults and own choices), and that quota and expiry news is told once only.
 * The live push after the commit and the mail's way through SMTP are NotificationsIT's.
 */
class NotificationDeliveryTest {

    private static final NotificationRules RULES = new NotificationRules(Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(30));
    private static final String QUALITY = "{\"verdict\":\"unusable\",\"score\":12,\"reasons\":[\"too few features\",\"low contrast\"]}";

    private final RecordedOccurrences events = new RecordedOccurrences();
    private final Organization acme = TestData.organization("Acme");
    private final User ann = person(acme, Role.ADMIN, null);
    private final User bob = person(acme, Role.MEMBER, "ru");
    private final User carl = person(acme, Role.MEMBER, null);
    private final Organization other = TestData.organization("Other");
    private final User olga = person(other, Role.ADMIN, null);

    @Test
    void aMarkerFailureReachesTheAdminsAndItsCreatorInAppAndByMail() {
        ArContent content = contentOf(bob);

        markerFails(content);

        assertThat(notifiedIn(acme)).extracting(Notification::getUserId).containsExactlyInAnyOrder(ann.getId(), bob.getId());
        assertThat(notifiedIn(other)).isEmpty();
        assertThat(mailsIn(acme)).extracting(OutboxMail::getRecipient).containsExactlyInAnyOrder(ann.getEmail(), bob.getEmail());
        Notification anns = notifiedIn(acme).stream().filter(n -> n.getUserId().equals(ann.getId())).findFirst().orElseThrow();
        assertThat(anns.getType()).isEqualTo("marker.failed");
        assertThat(anns.getData()).contains("\"verdict\":\"unusable\"", "too few features", "\"failure\":\"not a marker\"");
    }

    @Test
    void aMailIsWrittenInTheRecipientsLanguageWithTheVerdictReasonsAndAnAbsoluteLink() {
        ArContent content = contentOf(bob);

        markerFails(content);

        OutboxMail bobs = mailsIn(acme).stream().filter(m -> m.getRecipient().equals(bob.getEmail())).findFirst().orElseThrow();
        assertThat(bobs.getSubject()).isEqualTo("Маркер не собран: Anna");
        assertThat(bobs.getTextBody()).contains("unusable", "too few features; low contrast",
                "https://ar.example.com/console/#/content/" + content.getId());
        OutboxMail anns = mailsIn(acme).stream().filter(m -> m.getRecipient().equals(ann.getEmail())).findFirst().orElseThrow();
        assertThat(anns.getSubject()).isEqualTo("Marker failed: Anna");
    }

    @Test
    void aReadyMarkerIsToldInAppOnlyByDefault() {
        ArContent content = contentOf(bob);

        run(beans -> {
            ArContent stored = beans.get(EntityManager.class).find(ArContent.class, content.getId());
            stored.markerReady(stored.getSourceMediaId(), 640, 480, 80, "good", QUALITY);
            beans.get(Occurrences.class).fire(MarkerOccurrences.settled(stored));
        });

        assertThat(notifiedIn(acme)).extracting(Notification::getType).containsOnly("marker.ready").hasSize(2);
        assertThat(mailsIn(acme)).isEmpty();
    }

    @Test
    void contentCreatedWithAnApiKeyIsToldToTheAdminsOnly() {
        ArContent content = contentOf(null);

        markerFails(content);

        assertThat(notifiedIn(acme)).extracting(Notification::getUserId).containsExactly(ann.getId());
    }

    @Test
    void whoStartedTheWorkIsToldBesidesTheAdmins() {
        run(beans -> {
            beans.get(Occurrences.class).fire(new Occurrence(acme.getId(), OccurrenceType.GENERATION_FINISHED, UUID.randomUUID(),
                    Instant.now(), Jsonp.createObjectBuilder().add("status", "completed").build(), carl.getId()));
        });

        assertThat(notifiedIn(acme)).extracting(Notification::getUserId).containsExactlyInAnyOrder(ann.getId(), carl.getId());
    }

    @Test
    void aStarterOutsideTheOrganizationIsNotTold() {
        run(beans -> {
            beans.get(Occurrences.class).fire(new Occurrence(acme.getId(), OccurrenceType.GENERATION_FINISHED, UUID.randomUUID(),
                    Instant.now(), Jsonp.createObjectBuilder().add("status", "completed").build(), olga.getId()));
        });

        assertThat(notifiedIn(acme)).extracting(Notification::getUserId).containsExactly(ann.getId());
        assertThat(notifiedIn(other)).isEmpty();
    }

    @Test
    void aNewPersonHasTheDefaultOfEveryTypeOnEveryChannel() {
        List<NotificationPreferences.Setting> settings = call(beans -> beans.get(NotificationPreferences.class).list(caller(carl)));

        assertThat(settings).hasSize(NotificationPreferences.choosable().size() * NotificationChannel.values().length)
                .allMatch(NotificationPreferences.Setting::isDefault);
        assertThat(settings).filteredOn(s -> s.channel() == NotificationChannel.IN_APP).allMatch(NotificationPreferences.Setting::enabled);
        assertThat(enabled(settings, OccurrenceType.MARKER_FAILED, NotificationChannel.EMAIL)).isTrue();
        assertThat(enabled(settings, OccurrenceType.MARKER_READY, NotificationChannel.EMAIL)).isFalse();
        assertThat(enabled(settings, OccurrenceType.GENERATION_FINISHED, NotificationChannel.EMAIL)).isFalse();
        assertThat(enabled(settings, OccurrenceType.AR_CONTENT_EXPIRING, NotificationChannel.EMAIL)).isTrue();
    }

    @Test
    void turningTheMailChannelOffKeepsThatPersonsMailsAndNobodyElses() {
        ArContent content = contentOf(bob);
        call(beans -> beans.get(NotificationPreferences.class).change(caller(ann),
                List.of(new NotificationPreferences.Change(OccurrenceType.MARKER_FAILED, NotificationChannel.EMAIL, false))));

        markerFails(content);

        assertThat(mailsIn(acme)).extracting(OutboxMail::getRecipient).containsExactly(bob.getEmail());
        assertThat(notifiedIn(acme)).extracting(Notification::getUserId).contains(ann.getId());
    }

    @Test
    void resettingAChoiceBringsTheDefaultBack() {
        call(beans -> beans.get(NotificationPreferences.class).change(caller(carl),
                List.of(new NotificationPreferences.Change(OccurrenceType.QUOTA_WARNING, NotificationChannel.IN_APP, false))));
        List<NotificationPreferences.Setting> chosen = call(beans -> beans.get(NotificationPreferences.class).list(caller(carl)));

        List<NotificationPreferences.Setting> reset = call(beans -> beans.get(NotificationPreferences.class).change(caller(carl),
                List.of(new NotificationPreferences.Change(OccurrenceType.QUOTA_WARNING, NotificationChannel.IN_APP, null))));

        assertThat(setting(chosen, OccurrenceType.QUOTA_WARNING, NotificationChannel.IN_APP))
                .extracting(NotificationPreferences.Setting::enabled, NotificationPreferences.Setting::isDefault).containsExactly(false, false);
        assertThat(setting(reset, OccurrenceType.QUOTA_WARNING, NotificationChannel.IN_APP))
                .extracting(NotificationPreferences.Setting::enabled, NotificationPreferences.Setting::isDefault).containsExactly(true, true);
    }

    @Test
    void aQuotaLevelIsToldOncePerQuotaAndMonth() {
        YearMonth month = YearMonth.of(2026, 12);

        for (long used : new long[]{80, 85, 90}) {
            run(beans -> {
                beans.get(QuotaOccurrences.class).quotaUsed(acme.getId(), QuotaKind.GENERATIONS_PER_MONTH, used, 100, month);
            });
        }
        run(beans -> {
            beans.get(QuotaOccurrences.class).quotaUsed(acme.getId(), QuotaKind.GENERATIONS_PER_MONTH, 100, 100, month);
            beans.get(QuotaOccurrences.class).quotaUsed(acme.getId(), QuotaKind.GENERATIONS_PER_MONTH, 100, 100, month);
            beans.get(QuotaOccurrences.class).quotaUsed(acme.getId(), QuotaKind.GENERATIONS_PER_MONTH, 80, 100, month.plusMonths(1));
        });

        assertThat(events.fired()).extracting(o -> o.type().wireName() + " " + o.data().getString("period"))
                .containsExactly("quota.warning 2026-12", "quota.reached 2026-12", "quota.warning 2027-01");
    }

    @Test
    void belowEightyPercentNothingIsTold() {
        run(beans -> {
            beans.get(QuotaOccurrences.class).quotaUsed(acme.getId(), QuotaKind.STORED_BYTES, 79, 100, YearMonth.of(2026, 12));
        });

        assertThat(events.fired()).isEmpty();
    }

    @Test
    void theExpiryTimerWarnsOncePerExpiryDateAndAgainForANewOne() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ArContent content = contentOf(bob);
        expire(content, now.plus(Duration.ofDays(3)));

        call(beans -> beans.get(ExpiryWatch.class).run(now));
        call(beans -> beans.get(ExpiryWatch.class).run(now.plusSeconds(60)));
        expire(content, now.plus(Duration.ofDays(5)));
        call(beans -> beans.get(ExpiryWatch.class).run(now.plusSeconds(120)));

        assertThat(firedAbout(content)).extracting(o -> o.data().getString("expires_at"))
                .containsExactly(now.plus(Duration.ofDays(3)).toString(), now.plus(Duration.ofDays(5)).toString());
        assertThat(firedAbout(content)).allMatch(o -> o.type() == OccurrenceType.AR_CONTENT_EXPIRING);
    }

    @Test
    void contentIsToldExpiredOnceAfterItsDatePassed() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ArContent content = contentOf(bob);
        expire(content, now.minus(Duration.ofHours(1)));

        call(beans -> beans.get(ExpiryWatch.class).run(now));
        call(beans -> beans.get(ExpiryWatch.class).run(now.plusSeconds(60)));

        assertThat(firedAbout(content)).extracting(Occurrence::type).containsExactly(OccurrenceType.AR_CONTENT_EXPIRED);
    }

    @Test
    void contentThatExpiredLongBeforeTheTimerSawItIsNotAnnounced() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ArContent content = contentOf(bob);
        expire(content, now.minus(Duration.ofDays(30)));

        call(beans -> beans.get(ExpiryWatch.class).run(now));

        assertThat(firedAbout(content)).isEmpty();
    }

    @Test
    void anotherPersonsNotificationIsNotFound() {
        ArContent content = contentOf(bob);
        markerFails(content);
        UUID annsId = notifiedIn(acme).stream().filter(n -> n.getUserId().equals(ann.getId())).findFirst().orElseThrow().getId();

        assertThatThrownBy(() -> call(beans -> beans.get(NotificationService.class).read(caller(carl), annsId)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> call(beans -> beans.get(NotificationService.class).read(caller(olga), annsId)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void readingAllLeavesNothingUnread() {
        ArContent content = contentOf(bob);
        markerFails(content);

        int read = call(beans -> beans.get(NotificationService.class).readAll(caller(bob)));

        assertThat(read).isEqualTo(1);
        assertThat((long) call(beans -> beans.get(NotificationService.class).unreadCount(caller(bob)))).isZero();
        assertThat((long) call(beans -> beans.get(NotificationService.class).unreadCount(caller(ann)))).isEqualTo(1);
    }

    private <T> T call(Function<ServiceBeans, T> work) {
        return Database.result(em -> work.apply(beans(em)));
    }

    private void run(Consumer<ServiceBeans> work) {
        Database.inTransaction(em -> work.accept(beans(em)));
    }

    /** The services on {@code em}, delivering each occurrence as it is fired, with the recorded events in place of CDI's. */
    private ServiceBeans beans(EntityManager em) {
        ServiceBeans beans = new ServiceBeans(em).with(Event.class, events)
                // The live push runs after a container's commit; here there is none to wait for (NotificationsIT has it).
                .with(AfterCommit.class, new NothingAfterCommit())
                .with(PublicAddress.class, new PublicAddress(Optional.of("https://ar.example.com")))
                .with(NotificationRules.class, RULES);
        events.observedBy(occurrence -> beans.get(PersonalDelivery.class).deliver(occurrence));
        return beans;
    }

    /** The content's marker fails to compile, and the compile job tells so, as it does on settling the content. */
    private void markerFails(ArContent content) {
        run(beans -> {
            ArContent stored = beans.get(EntityManager.class).find(ArContent.class, content.getId());
            stored.markerFailed("not a marker", 12, "unusable", QUALITY);
            beans.get(Occurrences.class).fire(MarkerOccurrences.settled(stored));
        });
    }

    private List<Occurrence> firedAbout(ArContent content) {
        return events.fired().stream().filter(o -> content.getId().equals(o.subjectId())).toList();
    }

    private static void expire(ArContent content, Instant at) {
        Database.inTransaction(em -> {
            ArContent stored = em.find(ArContent.class, content.getId());
            stored.schedule(stored.getActiveFrom(), stored.getActiveUntil(), at);
        });
    }

    private static boolean enabled(List<NotificationPreferences.Setting> settings, OccurrenceType type, NotificationChannel channel) {
        return setting(settings, type, channel).enabled();
    }

    private static NotificationPreferences.Setting setting(List<NotificationPreferences.Setting> settings, OccurrenceType type,
            NotificationChannel channel) {
        return settings.stream().filter(s -> s.type() == type && s.channel() == channel).findFirst().orElseThrow();
    }

    private static List<Notification> notifiedIn(Organization organization) {
        return Database.result(em -> em.createQuery("SELECT n FROM Notification n WHERE n.organizationId = :org", Notification.class)
                .setParameter("org", organization.getId()).getResultList());
    }

    private static List<OutboxMail> mailsIn(Organization organization) {
        return Database.result(em -> em.createQuery("SELECT m FROM OutboxMail m WHERE m.organizationId = :org", OutboxMail.class)
                .setParameter("org", organization.getId()).getResultList());
    }

    /** A stored content of Acme "Anna", created by that person ({@code null}: with an API key). */
    private ArContent contentOf(User creator) {
        Project project = new Project(acme.getId(), "Wedding " + UUID.randomUUID(), null);
        MediaResource image = TestData.resource(acme.getId(), "image/jpeg", "portrait.jpg");
        ArContent content = new ArContent(acme.getId(), project.getId(), "Anna", image.getId());
        content.createdBy(creator == null ? null : creator.getId());
        Database.persist(project, image, content);
        return content;
    }

    private static Caller caller(User user) {
        return new Caller(user.getId(), null, user.getOrganizationId(), user.getEmail(), Set.of("member"));
    }

    private static User person(Organization organization, Role role, String locale) {
        User user = new User(organization.getId(), role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.com", "hash", role);
        user.setLocale(locale);
        Database.persist(user);
        return user;
    }
}
