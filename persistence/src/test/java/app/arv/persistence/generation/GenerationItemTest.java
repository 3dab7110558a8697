package app.arv.persistence.generation;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What an item keeps of a paid provider's request across attempts, without a database: the rule lives in the entity. */
class GenerationItemTest {

    private static final String FAL_REQUEST = "{\"request_id\":\"r-1\",\"status_url\":\"https://queue.fal.run/requests/r-1/status\"}";

    private static GenerationItem itemWithARecordedRequest() {
        GenerationItem item = new GenerationItem(UUID.randomUUID(), UUID.randomUUID(), 0, UUID.randomUUID());
        item.start("node-a");
        item.recordProviderRequest(FAL_REQUEST);
        return item;
    }

    @Test
    void anItemTakenAgainAfterABrokenAttemptKeepsTheRequestToResumeIt() {
        GenerationItem item = itemWithARecordedRequest();
        item.attemptFailed("storage timed out");

        item.start("node-b");

        assertThat(item.getProviderRequest()).isEqualTo(FAL_REQUEST);
    }

    @Test
    void anItemAClientRetriesStartsWithoutTheRequestOfItsFailedAttempt() {
        GenerationItem item = itemWithARecordedRequest();
        item.fail("FAL.AI request r-1 failed: generation error");

        item.requeue();

        assertThat(item.getProviderRequest()).isNull();
    }
}
