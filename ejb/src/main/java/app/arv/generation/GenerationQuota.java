package app.arv.generation;

import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationJob;
import app.arv.protection.Quotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a job's items count against the organization's monthly quotas ({@link Quotas}): each item one generation, and an
 * item of a paid provider ({@link ModelProvider#paid}, asked through {@link ModelProviders}) one of that provider's grant
 * too. Counted when items are admitted (a new job's, a retried item), given back when an item ends without having cost
 * anything ({@link GenerationItem#givesBackItsCount}): one rule for every path that admits or ends an item, in the
 * caller's transaction.
 */
@ApplicationScoped
public class GenerationQuota {

    @Inject
    Quotas quotas;

    @Inject
    ModelProviders providers;

    /**
     * Counts {@code items} items of a job for {@code provider} towards this month's quotas, or refuses them all; the
     * organization's counter row stays locked until the commit.
     *
     * @return the month they were counted in
     */
    public LocalDate admit(UUID org, String provider, int items) {
        return quotas.admitGenerations(org, items, providers.paid(provider));
    }

    /**
     * Gives back what those of the job's {@code ending} items that are to ({@link GenerationItem#givesBackItsCount}) were
     * counted for, to the month each was counted in. Asked before they end (cancelled, failed), as the rule reads the
     * item as it was.
     */
    public void giveBack(GenerationJob job, Collection<GenerationItem> ending) {
        boolean paid = providers.paid(job.getProvider());
        Map<LocalDate, Integer> unspent = new TreeMap<>();
        ending.stream().filter(i -> i.givesBackItsCount(paid)).forEach(i -> unspent.merge(i.getCountedIn(), 1, Integer::sum));
        unspent.forEach((month, count) -> quotas.giveBackGenerations(job.getOrganizationId(), month, count, paid));
    }
}
