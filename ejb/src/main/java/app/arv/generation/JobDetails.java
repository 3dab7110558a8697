package app.arv.generation;

import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationStatus;

import java.util.List;
import java.util.Map;

/** A job with its items and how many are in each status. */
public record JobDetails(GenerationJob job, List<GenerationItem> items, Map<GenerationStatus, Long> counts) {

    /** Share of the work done: finished items count whole, running ones by their own progress. */
    public int progressPercent() {
        if (items.isEmpty()) {
            return 0;
        }
        long sum = 0;
        for (GenerationItem item : items) {
            sum += item.getStatus().isFinal() ? 100 : item.getProgress();
        }
        return (int) (sum / items.size());
    }
}
