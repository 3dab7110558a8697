/**
 * MicroProfile Health checks with two faces ({@link DependencyCheck}): Payara serves {@code /health/*} to
 * anyone, so {@link DependencyCheck#call()} says only a name, UP/DOWN and a reason from a short fixed list
 * that names no host, address or version, while {@link DependencyCheck#inspect()} gives platform admins the
 * details ({@link HealthFinding}, all collected by {@link HealthReport}). {@link Probe} runs a check with a
 * deadline, so a dependency that hangs cannot hang the probe. Liveness is only a deadlock
 * ({@link DeadlockLiveness}): a dependency being down is not a reason to restart. Readiness is the database alone
 * ({@link PostgresReadiness}); Redis ({@link RedisCheck}) and the broker (its check in {@code app.arv.messaging}) are
 * dependencies ARV serves without, reported to platform admins only ({@link HealthReport} says why).
 */
package app.arv.platform.health;
