package app.arv.persistence.media;

import app.arv.persistence.shared.EntityRepository;
import app.arv.persistence.shared.OrganizationScoped;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Media resources and their attachments. Every query names the organization, except the platform jobs' ones (marked). */
@ApplicationScoped
public class MediaRepository extends EntityRepository<MediaResource> {

    /** {@link #usedBy} of the library query's resource {@code m}. */
    private static final String USED_BY = "SELECT COUNT(DISTINCT u.entityId) FROM MediaAttachment u WHERE u.resourceId = m.id"
            + " AND u.organizationId = :org AND u.entityKind <> :upload";

    public Optional<MediaResource> findLive(UUID organizationId, UUID id) {
        return em.createQuery("SELECT m FROM MediaResource m WHERE m.organizationId = :org AND m.id = :id"
                + " AND m.deletedAt IS NULL", MediaResource.class)
                .setParameter("org", organizationId).setParameter("id", id)
                .getResultStream().findFirst();
    }

    /** The names the resources were uploaded under, by id: of those of the organization, deleted ones included. */
    public Map<UUID, String> originalNames(UUID organizationId, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        em.createQuery("SELECT m.id, m.originalName FROM MediaResource m WHERE m.organizationId = :org AND m.id IN :ids",
                Object[].class).setParameter("org", organizationId).setParameter("ids", ids).getResultStream()
                .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }

    public Optional<MediaResource> findLiveBySha256(UUID organizationId, String sha256) {
        return em.createQuery("SELECT m FROM MediaResource m WHERE m.organizationId = :org AND m.sha256 = :sha"
                + " AND m.deletedAt IS NULL", MediaResource.class)
                .setParameter("org", organizationId).setParameter("sha", sha256)
                .getResultStream().findFirst();
    }

    /**
     * The live resource holding these bytes, if any — after taking a transaction-scoped lock on
     * (organization, content), so that "look up, else store and add" is race-free: a concurrent
     * transaction storing the same bytes waits here until this one commits, then finds its row
     * instead of hitting the unique index.
     */
    public Optional<MediaResource> claimContent(UUID organizationId, String sha256) {
        OrganizationScoped.holdLock(em, organizationId, sha256);
        return findLiveBySha256(organizationId, sha256);
    }

    /**
     * Takes the resource's content lock (the one {@link #claimContent} takes) and tells whether the resource is still
     * live, read past what this transaction has seen so far. Whoever attaches to a resource and whoever retires one
     * holds it first: an attachment never lands on a resource a concurrent transaction is retiring, and a retirement
     * never misses an attachment made meanwhile.
     */
    public boolean holdContent(MediaResource resource) {
        OrganizationScoped.holdLock(em, resource.getOrganizationId(), resource.getSha256());
        return em.createQuery("SELECT COUNT(m) FROM MediaResource m WHERE m.organizationId = :org AND m.id = :id"
                + " AND m.deletedAt IS NULL", Long.class)
                .setParameter("org", resource.getOrganizationId()).setParameter("id", resource.getId())
                .getSingleResult() > 0;
    }

    /**
     * The organization's library: live resources someone uploaded and has not deleted, each with its number of other
     * owners ({@link #usedBy}) counted by the same query (a correlated count on the attachments' resource index).
     */
    public Page<LibraryItem> listUploads(UUID organizationId, PageRequest page) {
        String where = " FROM MediaResource m WHERE m.organizationId = :org AND m.deletedAt IS NULL AND EXISTS ("
                + "SELECT a FROM MediaAttachment a WHERE a.resourceId = m.id AND a.organizationId = :org"
                + " AND a.entityKind = :upload)";
        return Page.of(em.createQuery("SELECT NEW app.arv.persistence.media.LibraryItem(m, (" + USED_BY + "))" + where
                + " ORDER BY m.createdAt, m.id", LibraryItem.class)
                .setParameter("org", organizationId).setParameter("upload", OwnerKind.UPLOAD),
                em.createQuery("SELECT COUNT(m)" + where, Long.class)
                        .setParameter("org", organizationId).setParameter("upload", OwnerKind.UPLOAD),
                page);
    }

    /** The thumbnails of several originals in one query (smallest first), for a page of the library. */
    public Map<UUID, List<MediaResource>> thumbnailsOf(UUID organizationId, Collection<UUID> originals) {
        if (originals.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<MediaResource>> byOriginal = new HashMap<>();
        em.createQuery("SELECT a.entityId, m FROM MediaResource m, MediaAttachment a WHERE a.resourceId = m.id"
                + " AND a.organizationId = :org AND m.organizationId = :org AND a.entityKind = :kind"
                + " AND a.entityId IN :originals AND a.role = :role AND m.deletedAt IS NULL ORDER BY m.sizeBytes", Object[].class)
                .setParameter("org", organizationId).setParameter("kind", OwnerKind.MEDIA)
                .setParameter("originals", originals).setParameter("role", MediaRole.THUMBNAIL)
                .getResultStream()
                .forEach(row -> byOriginal.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((MediaResource) row[1]));
        return byOriginal;
    }

    /** Resources attached to an entity, e.g. the thumbnails of an original ({@link OwnerKind#MEDIA}, its id). */
    public List<MediaResource> attachedTo(UUID organizationId, OwnerKind entityKind, UUID entityId, MediaRole role) {
        return em.createQuery("SELECT m FROM MediaResource m, MediaAttachment a WHERE a.resourceId = m.id"
                + " AND a.organizationId = :org AND m.organizationId = :org AND a.entityKind = :kind"
                + " AND a.entityId = :entity AND a.role = :role AND m.deletedAt IS NULL ORDER BY m.sizeBytes",
                MediaResource.class)
                .setParameter("org", organizationId).setParameter("kind", entityKind)
                .setParameter("entity", entityId).setParameter("role", role).getResultList();
    }

    public Optional<MediaAttachment> findAttachment(UUID organizationId, UUID resourceId, OwnerKind entityKind, UUID entityId,
            MediaRole role) {
        return em.createQuery("SELECT a FROM MediaAttachment a WHERE a.organizationId = :org AND a.resourceId = :resource"
                + " AND a.entityKind = :kind AND a.entityId = :entity AND a.role = :role", MediaAttachment.class)
                .setParameter("org", organizationId).setParameter("resource", resourceId).setParameter("kind", entityKind)
                .setParameter("entity", entityId).setParameter("role", role)
                .getResultStream().findFirst();
    }

    /** Attaches unless the same attachment exists: attaching is idempotent. */
    public MediaAttachment attach(MediaAttachment attachment) {
        return findAttachment(attachment.getOrganizationId(), attachment.getResourceId(), attachment.getEntityKind(),
                attachment.getEntityId(), attachment.getRole())
                .orElseGet(() -> {
                    em.persist(attachment);
                    return attachment;
                });
    }

    public void detach(MediaAttachment attachment) {
        em.remove(attachment);
    }

    /** Removes everything an entity holds and returns the ids of the resources it held. */
    public List<UUID> detachAllOf(UUID organizationId, OwnerKind entityKind, UUID entityId) {
        List<MediaAttachment> held = em.createQuery("SELECT a FROM MediaAttachment a WHERE a.organizationId = :org"
                + " AND a.entityKind = :kind AND a.entityId = :entity", MediaAttachment.class)
                .setParameter("org", organizationId).setParameter("kind", entityKind).setParameter("entity", entityId)
                .getResultList();
        held.forEach(em::remove);
        return held.stream().map(MediaAttachment::getResourceId).distinct().toList();
    }

    /** How many owners use the resource besides the library itself (each owner once, whatever its roles). */
    public long usedBy(UUID organizationId, UUID resourceId) {
        return em.createQuery("SELECT COUNT(DISTINCT u.entityId) FROM MediaAttachment u WHERE u.resourceId = :resource"
                + " AND u.organizationId = :org AND u.entityKind <> :upload", Long.class)
                .setParameter("org", organizationId).setParameter("resource", resourceId)
                .setParameter("upload", OwnerKind.UPLOAD).getSingleResult();
    }

    public long countAttachments(UUID organizationId, UUID resourceId) {
        return em.createQuery("SELECT COUNT(a) FROM MediaAttachment a WHERE a.organizationId = :org"
                + " AND a.resourceId = :resource", Long.class)
                .setParameter("org", organizationId).setParameter("resource", resourceId).getSingleResult();
    }

    /** Surfaces constraint violations now, while the caller can still undo what it wrote to a store. */
    public void flush() {
        em.flush();
    }

    /**
     * Purges a retired resource whose object the store has deleted: the row goes, or, while something still references
     * it, it only lets go of its storage connection (database function {@code purge_retired_media}). A live resource is
     * left alone.
     *
     * @return whether the row is gone
     */
    public boolean purgeRetired(UUID resourceId) {
        // A deletion removed earlier in this transaction references the row until it is flushed.
        em.flush();
        return (Boolean) em.createNativeQuery("SELECT purge_retired_media(?1)").setParameter(1, resourceId).getSingleResult();
    }

    /**
     * Purges the organization's retired resources stored through the connection, as {@link #purgeRetired} does: for a
     * connection going away once nothing is owed through it (rows retired before purging existed still name it).
     */
    public void purgeRetiredStoredThrough(UUID organizationId, UUID connectionId) {
        em.flush();
        em.createNativeQuery("SELECT purge_retired_media(id) FROM media_resource WHERE organization_id = ?1"
                + " AND storage_connection_id = ?2 AND deleted_at IS NOT NULL")
                .setParameter(1, organizationId).setParameter(2, connectionId).getResultList();
    }

    /** Platform job: live resources of any organization without attachments, created before the cutoff. */
    public List<MediaResource> orphansAcrossOrganizations(Instant createdBefore, int limit) {
        return em.createQuery("SELECT m FROM MediaResource m WHERE m.deletedAt IS NULL AND m.createdAt < :before"
                + " AND NOT EXISTS (SELECT a FROM MediaAttachment a WHERE a.resourceId = m.id) ORDER BY m.createdAt",
                MediaResource.class)
                .setParameter("before", createdBefore).setMaxResults(limit).getResultList();
    }

}
