package app.arv.marker;

import app.arv.persistence.marker.ArContentRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/** The database side of {@link MarkerJobRecovery}, each call its own transaction. */
@Stateless
public class MarkerRecoveryWork {

    @Inject
    ArContentRepository contents;

    @Inject
    CompileRequests requests;

    @Inject
    @ConfigProperty(name = "arv.markers.request-grace", defaultValue = "PT1M")
    Duration requestGrace;

    /** Whether a job instance still has claimed items to compile (a failed job with none left is not worth a restart). */
    public boolean hasUnfinished(long jobInstance) {
        return contents.countCompiling(jobInstance) > 0;
    }

    public void requestLongPending() {
        contents.organizationsWaitingSince(Instant.now().minus(requestGrace)).forEach(requests::request);
    }
}
