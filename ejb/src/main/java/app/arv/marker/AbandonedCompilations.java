package app.arv.marker;

import app.arv.notification.Occurrences;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The items of a compile job that will never run again — abandoned by an operator ({@link BatchJobs#abandon}), or given
 * up by the recovery timer after its last allowed execution ({@link MarkerJobRecovery}): what it claimed and did not
 * finish would stay "compiling" for good. They fail with a reason the owner sees, and compiling again
 * ({@code POST /ar-content/{id}/marker/regenerate}) retries them in a new job.
 */
@Stateless
public class AbandonedCompilations {

    static final String ABANDONED = "Its compile job was abandoned by a platform operator; compile the marker again";
    static final String GAVE_UP = "Its compile job kept failing and was given up after several attempts; compile the marker again";

    @Inject
    ArContentRepository contents;

    @Inject
    MarkerEvents events;

    @Inject
    Occurrences occurrences;

    /**
     * @param reason {@link #ABANDONED} or {@link #GAVE_UP}, shown to the owner
     * @return how many items failed
     */
    public int fail(long jobInstance, String reason) {
        List<ArContent> unfinished = contents.compilingIn(jobInstance);
        for (ArContent content : unfinished) {
            content.compilationAbandoned(reason);
            events.statusChanged(content);
            occurrences.fire(MarkerOccurrences.settled(content));
        }
        return unfinished.size();
    }
}
