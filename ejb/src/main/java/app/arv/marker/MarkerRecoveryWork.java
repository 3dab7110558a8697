package app.arv.marker;

import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.marker.CompilingJob;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

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

    /** The job instances the recovery looks after: those with items still compiling. */
    public List<CompilingJob> compilingJobs() {
        return contents.compilingJobs();
    }

    /**
     * Requests again the compilation of items pending longer than the grace (their request was lost), each once per
     * grace period across the cluster: the items are stamped as resent in the transaction that sends, which a broker
     * failure rolls back (they are due again next round).
     */
    public void requestLongPending() {
        contents.takeLongPending(Instant.now().minus(rules.requestGrace())).forEach(requests::request);
    }
}
