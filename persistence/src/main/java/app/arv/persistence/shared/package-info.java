/**
 * What every persistence package shares: {@link AuditedEntity} (an id chosen by the application, so it is
 * known before the insert and never guessable, and the creation and change times); tenant data
 * ({@link OrganizationOwned}) as a {@link TenantEntity} (audited) or a {@link TenantRecord} (creation time
 * only), with the queries every such entity answers alike ({@link OrganizationScoped}) and the repository
 * base that serves them by type ({@link TenantRepository}, an {@link EntityRepository}: the base of every repository of one
 * kind of entity); and the paging types
 * {@link PageRequest} and {@link Page} that every listing takes and returns; and the advisory locks of the rounds
 * one node at a time runs ({@link ClusterLock}, every key in one place, taken by {@link ClusterLocks}); and the
 * fingerprints of the keys every node must share ({@link InstallationKeys}).
 *
 * <p>The persistence module as a whole holds ARV's JPA entities (Hibernate ORM 6.6), their repositories
 * and the Flyway migrations ({@code db/migration}); the schema belongs to Flyway, Hibernate only maps it
 * (and validates it in the tests). Repositories take the organization in every query that touches tenant
 * data, so a service cannot forget it; the few lookups that cannot (sign-in by e-mail, a key by its
 * secret's hash, the viewer by unique id, the platform timers) say why. The module knows no service, no
 * HTTP and no ARV module above it: {@code ejb} uses it, and {@code web} only reads its entities, enums and
 * paging types to build views.
 */
package app.arv.persistence.shared;
