/**
 * MicroProfile Health checks with two faces ({@link DependencyCheck}): Payara serves {@code /health/*} to
 * anyone, so {@link DependencyCheck#call()} says only a name, UP/DOWN and a reason from a short fixed list
 * that names no host, address or version, while {@link DependencyCheck#inspect()} gives platform admins the
 * details ({@link HealthFinding}, all collected by {@link HealthReport}). {@link Probe} runs a check with a
 * deadline, so a dependency that hangs cannot hang the probe. Liveness is only a deadlock
 * ({@link DeadlockLiveness}): a dependency being down is not a reason to restart. Readiness is the database alone
 * ({@link PostgresReadiness}); Redis ({@link RedisCheck}) and the broker ({@link ArtemisCheck}) are
 * dependencies ARV serves without, reported to platform admins only ({@link HealthReport} says why). The startup check
 * ({@link SchemaStartup}) waits for the schema and for every feature's {@link StartupWork}.
 *
 * <p>Uses {@code app.arv.platform}, {@code events}' Redis connection, {@code messaging}'s broker settings and
 * {@code shared}; never a feature package (a feature that must finish something at startup offers a {@link StartupWork}).
 */
package app.arv.platform.health;
