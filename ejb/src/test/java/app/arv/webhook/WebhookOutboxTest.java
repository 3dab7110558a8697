package app.arv.webhook;

import app.arv.ServiceBeans;
import app.arv.notification.Occurrence;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.webhook.Webhook;
import app.arv.persistence.webhook.WebhookDelivery;
import app.arv.shared.Jsonp;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The webhook channel on real PostgreSQL: what an occurrence leaves in the outbox, in the firing transaction. */
class WebhookOutboxTest {

    private Organization acme;
    private Organization globex;

    @BeforeEach
    void twoOrganizations() {
        acme = TestData.organization("Acme");
        globex = TestData.organization("Globex");
    }

    @Test
    void anOccurrenceQueuesOneDeliveryPerSubscribedSwitchedOnWebhookAllWithOneEventId() {
        Webhook all = webhook(acme, true, true);
        Webhook keys = webhook(acme, false, true, "api_key.created");
        webhook(acme, false, true, "marker.failed");
        webhook(acme, true, false);
        webhook(globex, true, true);

        Database.inTransaction(em -> new ServiceBeans(em).get(WebhookOutbox.class).onOccurrence(keyCreated(acme)));

        List<WebhookDelivery> queued = deliveries(acme);
        assertThat(queued).extracting(WebhookDelivery::getWebhookId).containsExactlyInAnyOrder(all.getId(), keys.getId());
        assertThat(queued).extracting(WebhookDelivery::getEventId).containsOnly(queued.get(0).getEventId());
        JsonObject body = Jsonp.readObject(queued.get(0).getPayload());
        assertThat(body.getString("id")).isEqualTo(queued.get(0).getEventId().toString());
        assertThat(body.getString("type")).isEqualTo("api_key.created");
        assertThat(body.getJsonObject("data").getString("name")).isEqualTo("ci key");
        assertThat(deliveries(globex)).isEmpty();
    }

    @Test
    void aRolledBackOccurrenceLeavesNoDelivery() {
        webhook(acme, true, true);

        assertThatThrownBy(() -> Database.inTransaction(em -> {
            new ServiceBeans(em).get(WebhookOutbox.class).onOccurrence(keyCreated(acme));
            throw new IllegalStateException("the service failed after firing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(deliveries(acme)).isEmpty();
    }

    @Test
    void aSwitchedOffWebhookIsNotToldAboutItself() {
        Webhook other = webhook(acme, true, true);
        Webhook failing = webhook(acme, true, true);

        Database.inTransaction(em -> new ServiceBeans(em).get(WebhookOutbox.class).onOccurrence(new Occurrence(acme.getId(),
                OccurrenceType.WEBHOOK_DISABLED, failing.getId(), Instant.now(),
                Jsonp.createObjectBuilder().add("webhook_id", failing.getId().toString()).build())));

        assertThat(deliveries(acme)).extracting(WebhookDelivery::getWebhookId).containsExactly(other.getId());
    }

    @Test
    void anOccurrenceFiredWhileItsWebhookIsBeingDeletedQueuesNothingForItAndStillCommits() throws Exception {
        Webhook deleted = webhook(acme, true, true);
        // Once through beforehand, so that the racing firing reads the webhooks while the deletion is still open.
        Database.inTransaction(em -> new ServiceBeans(em).get(WebhookOutbox.class).onOccurrence(keyCreated(globex)));

        Future<?> firing = Database.whileTheFirstIsOpen(em -> {
            em.remove(em.find(Webhook.class, deleted.getId()));
            em.flush();
        }, () -> Database.inTransaction(em -> new ServiceBeans(em).get(WebhookOutbox.class).onOccurrence(keyCreated(acme))));

        assertThat(catchThrowable(() -> firing.get(30, TimeUnit.SECONDS))).as("how the firing transaction ended").isNull();
        assertThat(deliveries(acme)).isEmpty();
    }

    private static Occurrence keyCreated(Organization organization) {
        return new Occurrence(organization.getId(), OccurrenceType.API_KEY_CREATED, UUID.randomUUID(), Instant.now(),
                Jsonp.createObjectBuilder().add("name", "ci key").build());
    }

    private static Webhook webhook(Organization organization, boolean all, boolean enabled, String... events) {
        Webhook webhook = new Webhook(UUID.randomUUID(), organization.getId(), "https://hooks.example.com/" + UUID.randomUUID(), null, all, Set.of(events),
                "ciphertext", "…abcd", enabled, null);
        Database.persist(webhook);
        return webhook;
    }

    private static List<WebhookDelivery> deliveries(Organization organization) {
        List<WebhookDelivery> found = new ArrayList<>();
        Database.inTransaction(em -> found.addAll(em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.organizationId = :org",
                WebhookDelivery.class).setParameter("org", organization.getId()).getResultList()));
        return found;
    }
}
