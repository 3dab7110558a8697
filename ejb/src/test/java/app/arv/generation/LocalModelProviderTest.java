package app.arv.generation;

import app.arv.ServiceBeans;
import app.arv.events.TestRedis;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.media.ImageDecoding;
import app.arv.media.TestDecodings;
import app.arv.persistence.generation.GenerationItem;
import app.arv.security.Caller;
import app.arv.security.Callers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The built-in generator's one progress report, against its item's steps on a real PostgreSQL and Redis. */
class LocalModelProviderTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @Test
    void anItemCancelledAfterItWasTakenIsNotMade() throws IOException {
        GenerationFixture fixture = new GenerationFixture(redis);
        GenerationItem item = fixture.queuedJob(fixture.image()).get(0);
        fixture.call(GenerationSteps.class, steps -> steps.claim(fixture.org(), item.getId(), UUID.randomUUID()));
        Caller member = Callers.memberOf(fixture.org());
        fixture.call(GenerationService.class, service -> service.cancel(member, item.getJobId()));
        LocalModelProvider provider = new ServiceBeans(null)
                .with(ImageDecoding.class, TestDecodings.of(50_000_000, 1, Duration.ofSeconds(30))).get(LocalModelProvider.class);
        provider.init();
        SourceImage horse;
        try (InputStream in = LocalModelProviderTest.class.getResourceAsStream("/images/horse.png")) {
            horse = new SourceImage(in.readAllBytes(), "image/png", "horse.png");
        }

        Throwable stopped = catchThrowable(() -> provider.generate(horse, new GenerationOptions(2000, TextureQuality.STANDARD),
                (percent, stage) -> fixture.call(GenerationSteps.class, steps -> steps.progress(fixture.org(), item.getId(), percent, stage)),
                ProviderRequest.of(null, request -> {
                })));

        assertThat(stopped).isInstanceOf(ModelRefusedException.class).hasMessageContaining("no longer wanted");
    }
}
