package app.arv.generation;

import app.arv.notification.Occurrences;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * What is told when a job reaches its final status, whichever path took it there (its last item ending, a cancel): the
 * job's {@code completed} event for its clients ({@link JobEvent#completed}) and {@link GenerationOccurrences#finished}
 * for people and webhooks, both after the commit.
 */
@ApplicationScoped
public class FinishedJobs {

    @Inject
    GenerationEvents events;

    @Inject
    Occurrences occurrences;

    /** @param counts the job's items by status, as its final status was decided on */
    public void announce(GenerationJob job, Map<GenerationStatus, Long> counts) {
        events.publish(job.getOrganizationId(), job.getId(), JobEvent.completed(job.getStatus(), counts));
        occurrences.fire(GenerationOccurrences.finished(job, counts));
    }
}
