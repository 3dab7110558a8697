package app.arv.marker;

import app.arv.persistence.marker.ArContentRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;

/** The database side of {@link MarkerJobRecovery}, each call its own transaction. */
@Stateless
public class MarkerRecoveryWork {

    @Inject
    ArContentRepository contents;

    @Inject
    CompileRequests requests;

    @Inject
    MarkerRules rules;

    /** Whether a job instance still has claimed items to compile (a failed job with none left is not worth a restart). */
    public boolean hasUnfinished(long jobInstance) {
        return contents.countCompiling(jobInstance) > 0;
    }

    public void requestLongPending() {
        contents.organizationsWaitingSince(Instant.now().minus(rules.requestGrace())).forEach(requests::request);
    }
}
