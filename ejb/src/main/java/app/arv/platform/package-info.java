/**
 * The installation itself rather than a feature: {@link SchemaMigration} runs Flyway (the migrations of
 * the persistence module) at startup, before anything else runs, without a container transaction (Flyway
 * commits its own work); {@link ServerNode} is this process's name among the nodes sharing one database,
 * Redis and broker, recorded on the work it does and shown to operators; {@link PublicAddress} is where people
 * reach the installation (the base of printed and mailed links); {@link KeyAgreement} keeps the nodes on one
 * JWT signing key and one storage encryption key; {@link SettingsAtStartup} refuses settings that cannot work. {@link NodeTimers} schedules a node's periodic
 * work, {@link ClusterRounds} runs the {@link ClusterRound}s (work one node per round does, under its lock; the retention
 * rounds are {@link RetentionRound}s, deleting in batches each committed on its own by {@link RetentionBatches}) and {@link LeasedRounds} drains {@link LeasedWork} (rows claimed with a lease: the mail outbox, webhook
 * deliveries), each the one way ARV does. {@link ApplicationMetric} names ARV's own metrics and says what each counts.
 * Health checks are in {@code platform.health}. Uses no feature package.
 */
package app.arv.platform;
