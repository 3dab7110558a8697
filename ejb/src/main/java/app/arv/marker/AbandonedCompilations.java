package app.arv.marker;

import app.arv.notification.Occurrences;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * The items of a compile job that will never run again — abandoned by an operator ({@link BatchJobs#abandon}), or given
 * up by the recovery timer after its last allowed execution or once its store stayed away longer than the patience
 * ({@link MarkerJobRecovery}): what it claimed and did not
 * finish would stay "compiling" for good. They fail with a reason the owner sees, and compiling again
 * ({@code POST /ar-content/{id}/marker/regenerate}) retries them in a new job.
 */
@Stateless
public class AbandonedCompilations {

    static final String ABANDONED = "Its compile job was abandoned by a platform operator; compile the marker again";
    static final String GAVE_UP = "Its compile job kept failing and was given up after several attempts; compile the marker again";

    /**
     * The reason when the organization's store stayed away longer than {@code patience}, named as a generation item's is
     * ({@code GenerationListener}).
     */
    static String outlasted(MarkerOutages.Outage outage, Duration patience) {
        return "The storage was unavailable for longer than " + patience + " (since " + outage.since()
                + "), so the marker was not compiled; compile the marker again. Last error: " + outage.error();
    }

    @Inject
    ArContentRepository contents;

    @Inject
    MarkerEvents events;

    @Inject
    Occurrences occurrences;

    /**
     * @param reason {@link #ABANDONED}, {@link #GAVE_UP} or {@link #outlasted}, shown to the owner
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
