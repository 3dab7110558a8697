package app.arv.persistence.marker;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.Repositories;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator's abandoning of a compile job leaves of the items it claimed. */
class AbandonedCompilationTest extends TwoTenantsTest {

    private final ArContentRepository contents = new ArContentRepository();
    private final long instance = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);

    @Test
    void theItemsAJobStillCompilesAreFoundInEveryOrganization() {
        ArContent acmeItem = claimed(acme, instance);
        ArContent globexItem = claimed(globex, instance);
        claimed(acme, instance + 1);

        assertThat(compilingIn(instance)).containsExactlyInAnyOrder(acmeItem.getId(), globexItem.getId());
    }

    @Test
    void anAbandonedCompilationFailsWithItsReasonWithoutCountingAsACompilation() {
        ArContent item = claimed(acme, instance);

        Database.inTransaction(em -> em.find(ArContent.class, item.getId()).compilationAbandoned("abandoned"));

        Database.inTransaction(em -> {
            ArContent failed = em.find(ArContent.class, item.getId());
            assertThat(failed.getMarkerStatus()).isEqualTo(MarkerStatus.FAILED);
            assertThat(failed.getMarkerFailure()).isEqualTo("abandoned");
            assertThat(failed.getMarkerCompilations()).isZero();
        });
        assertThat(compilingIn(instance)).isEmpty();
    }

    private ArContent claimed(Organization organization, long jobInstance) {
        ArContent content = TestData.storedContent(organization);
        Database.inTransaction(em -> {
            Repositories.on(em, contents);
            contents.claimPending(organization.getId(), jobInstance, jobInstance);
        });
        return content;
    }

    private List<UUID> compilingIn(long jobInstance) {
        return Database.result(em -> Repositories.on(em, contents).compilingIn(jobInstance).stream().map(ArContent::getId).toList());
    }
}
