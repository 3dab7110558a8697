package app.arv.persistence.generation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an item keeps of a paid provider's request across attempts, and which message may take it, without a database:
 * the rules live in the entity.
 */
class GenerationItemTest {

    private static final String FAL_REQUEST = "{\"request_id\":\"r-1\",\"status_url\":\"https://queue.fal.run/requests/r-1/status\"}";

    private static final UUID MESSAGE = UUID.randomUUID();

    private static GenerationItem aQueuedItem() {
        return new GenerationItem(UUID.randomUUID(), UUID.randomUUID(), 0, UUID.randomUUID());
    }

    private static GenerationItem itemWithARecordedRequest() {
        GenerationItem item = aQueuedItem();
        item.start("node-a", MESSAGE);
        item.recordProviderRequest(FAL_REQUEST);
        return item;
    }

    @Test
    void anItemTakenAgainAfterABrokenAttemptKeepsTheRequestToResumeIt() {
        GenerationItem item = itemWithARecordedRequest();
        item.attemptFailed("storage timed out");

        item.start("node-b", MESSAGE);

        assertThat(item.getProviderRequest()).isEqualTo(FAL_REQUEST);
    }

    @Test
    void anItemAClientRetriesStartsWithoutTheRequestOfItsFailedAttempt() {
        GenerationItem item = itemWithARecordedRequest();
        item.fail("FAL.AI request r-1 failed: generation error");

        item.requeue();

        assertThat(item.getProviderRequest()).isNull();
    }

    @Test
    void theMessageThatTookAnItemTakesItAgainWhenDeliveredAgain() {
        GenerationItem item = aQueuedItem();
        item.start("node-a", MESSAGE);

        item.start("node-b", MESSAGE);

        assertThat(item.getAttempts()).isEqualTo(2);
        assertThat(item.getNode()).isEqualTo("node-b");
    }

    @Test
    void anotherMessageOfAnItemBeingMadeMayNotTakeIt() {
        GenerationItem item = aQueuedItem();
        item.start("node-a", MESSAGE);
        UUID resent = UUID.randomUUID();

        assertThat(item.mayBeTakenBy(resent)).isFalse();
        assertThatThrownBy(() -> item.start("node-b", resent)).isInstanceOf(IllegalStateException.class);
        assertThat(item.getNode()).isEqualTo("node-a");
    }

    @Test
    void aQueuedItemIsTakenByWhicheverOfItsMessagesComesFirst() {
        GenerationItem item = aQueuedItem();
        item.resent(Instant.now());

        assertThat(item.mayBeTakenBy(UUID.randomUUID())).isTrue();
    }

    @Test
    void anItemsMessageIsResentOnce() {
        GenerationItem item = aQueuedItem();
        item.resent(Instant.now());

        assertThatThrownBy(() -> item.resent(Instant.now())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anItemAClientRetriesIsTakenByItsNewMessageAndMayBeResentAgain() {
        GenerationItem item = aQueuedItem();
        item.resent(Instant.now());
        item.start("node-a", MESSAGE);
        item.fail("broken");

        item.requeue();

        assertThat(item.getClaimedBy()).isNull();
        assertThat(item.getResentAt()).isNull();
    }
}
