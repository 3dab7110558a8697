package app.arv.generation.fal;

import app.arv.ServiceBeans;
import app.arv.launcher.FreePorts;
import app.arv.shared.Jsonp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** How FalClient tells FAL's trouble apart, on real sockets: only what cannot have been paid for is worth another try. */
class FalClientTest {

    @Test
    void aSubmissionThatCannotReachFalIsUnavailableSoItIsTriedAgain() throws IOException {
        int closedPort = FreePorts.pick();
        FalRules nobodyListening = new FalRules("http://127.0.0.1:" + closedPort, Optional.of(FakeFal.KEY), Duration.ofSeconds(2),
                Duration.ofSeconds(2), 10_000_000, Duration.ofMillis(20), Duration.ofSeconds(30));
        FalClient client = new ServiceBeans(null).with(FalRules.class, nobodyListening).get(FalClient.class);

        Throwable thrown = catchThrowable(() -> client.submit(Jsonp.createObjectBuilder().add("image_url", "data:image/png;base64,AA==").build()));

        assertThat(thrown).isInstanceOf(FalUnavailableException.class).hasMessageContaining("could not be reached");
    }
}
