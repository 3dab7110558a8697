package app.arv.generation;

import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationStatus;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A job with its items, how many are in each status, and the names of the items' source images by media id. */
public record JobDetails(GenerationJob job, List<GenerationItem> items, Map<GenerationStatus, Long> counts,
        Map<UUID, String> sourceNames) {

    /** The name the item's source image was uploaded under, or null if it is not known. */
    public String sourceName(GenerationItem item) {
        return sourceNames.get(item.getSourceMediaId());
    }

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
