package app.arv.persistence.marker;

/**
 * A compile job instance that still has items compiling, with the execution that claimed them.
 *
 * @param execution null for items claimed before the claiming execution was recorded
 */
public record CompilingJob(long instance, Long execution) {
}
