package app.arv.marker;

import app.arv.notification.Occurrences;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The items of a compile job an operator abandoned ({@link BatchJobs#abandon}): no execution of that job will ever
 * run again, so what it claimed and did not finish would stay "compiling" for good. They fail with a reason the
 * owner sees, and compiling again ({@code POST /ar-content/{id}/marker/regenerate}) retries them in a new job.
 */
@Stateless
public class AbandonedCompilations {

    static final String REASON = "Its compile job was abandoned by a platform operator; compile the marker again";

    @Inject
    ArContentRepository contents;

    @Inject
    MarkerEvents events;

    @Inject
    Occurrences occurrences;

    /** @return how many items failed */
    public int fail(long jobInstance) {
        List<ArContent> unfinished = contents.compilingIn(jobInstance);
        for (ArContent content : unfinished) {
            content.compilationAbandoned(REASON);
            events.statusChanged(content);
            occurrences.markerSettled(content);
        }
        return unfinished.size();
    }
}
