package app.arv.notification;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.PageRequest;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's notifications as the API shows them, read from real PostgreSQL. */
class InAppChannelTest {

    private final Organization acme = TestData.organization("Acme");

    @Test
    void aNotificationOfATypeThisVersionDoesNotKnowIsShownAsStoredLinkingToTheStartPage() {
        User ann = TestData.person(acme, "Ann", Role.ADMIN);
        // As a later version (or an earlier one, before a type was renamed) would have written it.
        Database.inTransaction(em -> em.createNativeQuery("INSERT INTO notification (id, organization_id, user_id, type, subject_id,"
                + " data, occurred_at, created_at, updated_at) VALUES (?1, ?2, ?3, 'marker.retired', NULL, '{}', now(), now(), now())")
                .setParameter(1, UUID.randomUUID()).setParameter(2, acme.getId()).setParameter(3, ann.getId()).executeUpdate());
        Caller caller = new Caller(ann.getId(), null, acme.getId(), ann.getEmail(), Set.of(CallerRole.ORG_ADMIN));

        AtomicReference<List<JsonObject>> shown = new AtomicReference<>();
        Database.inTransaction(em -> shown.set(new ServiceBeans(em).get(NotificationService.class).list(caller, false, PageRequest.first())
                .items().stream().map(InAppChannel::json).toList()));

        assertThat(shown.get()).singleElement().satisfies(json -> {
            assertThat(json.getString("type")).isEqualTo("marker.retired");
            assertThat(json.getString("console_path")).isEqualTo("/console/#/");
        });
    }
}
