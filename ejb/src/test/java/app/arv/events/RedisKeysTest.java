package app.arv.events;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RedisKeysTest {

    @Test
    void noTwoFeaturesShareAPrefix() {
        for (RedisKeys one : RedisKeys.values()) {
            for (RedisKeys other : RedisKeys.values()) {
                if (one != other) {
                    assertThat(other.prefix()).as(other + " within " + one).doesNotStartWith(one.prefix());
                }
            }
        }
    }

    @Test
    void thePrefixesStayTheOnesNodesOfTheVersionBeforeUse() {
        assertThat(Arrays.stream(RedisKeys.values()).map(RedisKeys::prefix)).containsExactlyInAnyOrder(
                "arv:org:", "arv:generation:", "arv:ar-content:", "arv:markers:stop:", "arv:markers:restart:",
                "arv:markers:job:", "arv:markers:outage:", "arv:node:", "arv:credentials", "arv:login:", "arv:rate:", "arv:viewer:rate:");
    }

    @Test
    void aKeyIsThePrefixAndItsPartsJoinedByColons() {
        UUID organization = UUID.fromString("7f0c8a4e-1d2b-4c3d-9e8f-0a1b2c3d4e5f");

        assertThat(RedisKeys.ORGANIZATION_EVENTS.key(organization, "markers"))
                .isEqualTo("arv:org:7f0c8a4e-1d2b-4c3d-9e8f-0a1b2c3d4e5f:markers");
    }

    @Test
    void aPatternIsEveryKeyOfThePrefix() {
        assertThat(RedisKeys.GENERATION_EVENTS.pattern()).isEqualTo("arv:generation:*");
    }
}
