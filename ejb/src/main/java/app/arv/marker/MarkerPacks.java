package app.arv.marker;

import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.media.MediaStore;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.project.ProjectRepository;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One multi-target {@code .mind} for a project: the compiled targets of its ready portraits, in
 * creation order (a target's index in the file is its index in {@code contents}). The targets are
 * merged, not recompiled: each is exactly what the compiler produced for that portrait.
 */
@Stateless
public class MarkerPacks {

    /** The media type compiled {@code .mind} files are stored under. */
    public static final String MIND_TYPE = "application/octet-stream";

    @Inject
    ProjectRepository projects;

    @Inject
    ArContentRepository contents;

    @Inject
    MediaStore files;

    @Inject
    MediaRepository media;

    @Resource
    SessionContext context;

    public record Pack(MediaResource mind, List<ArContent> contents) {
    }

    /**
     * Reads the markers and writes the pack outside any transaction (the store may be slow), then
     * records it attached to the project in a short one.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Pack build(Caller caller, UUID projectId) {
        UUID org = caller.organizationId();
        projects.find(org, projectId).orElseThrow(() -> DomainException.notFound("Project"));
        MindFile merged = null;
        List<ArContent> included = new ArrayList<>();
        for (ArContent content : contents.readyInProject(org, projectId)) {
            // A marker retired since the content was read (the content is being deleted or given a new portrait).
            MediaResource marker = files.live(org, content.getMarkerMediaId()).orElse(null);
            if (marker == null) {
                continue;
            }
            MindFile one = MarkerFiles.readStored(files, marker);
            merged = merged == null ? one : merged.followedBy(one);
            included.add(content);
        }
        if (included.isEmpty()) {
            throw DomainException.conflict("no_ready_markers", "The project has no AR content with a ready marker");
        }
        byte[] bytes = new MindWriter().write(merged);
        MediaStore.StagedFile staged = files.stageBytes(org, bytes, MIND_TYPE, "project-" + projectId + ".mind", null, null);
        return new Pack(context.getBusinessObject(MarkerPacks.class).record(org, projectId, staged, included), included);
    }

    /**
     * Attaches the written pack to the project instead of its earlier packs, which are released: a project has one pack,
     * the latest. Unless the project went meanwhile (then the pack goes, 404), or a content in the pack was deleted or
     * given a new portrait or marker while it was written (then the pack goes, 409): a pack never holds a portrait that
     * is no longer the content's. The project lock orders this against {@link #releaseAll}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MediaResource record(UUID org, UUID projectId, MediaStore.StagedFile staged, List<ArContent> included) {
        if (projects.lock(org, projectId).isEmpty()) {
            files.discard(staged);
            throw DomainException.notFound("Project");
        }
        if (!included.stream().allMatch(content -> stillAsPacked(org, content))) {
            files.discard(staged);
            throw DomainException.conflict("marker_pack_outdated",
                    "AR content of the project changed while its marker pack was written; build the pack again");
        }
        MediaResource mind = files.record(staged);
        for (MediaAttachment earlier : files.attachInstead(mind, OwnerKind.PROJECT, projectId, MediaRole.MIND_TARGET)) {
            files.release(earlier);
        }
        return mind;
    }

    private boolean stillAsPacked(UUID org, ArContent packed) {
        return contents.find(org, packed.getId()).filter(now -> now.getMarkerStatus() == MarkerStatus.READY)
                .filter(now -> packed.getMarkerMediaId().equals(now.getMarkerMediaId())).isPresent();
    }

    /**
     * Lets go of the project's packs (retired unless something else holds them): a content in them is being deleted or
     * given a new portrait or marker, and a pack holds a copy of every portrait in it. A pack is built again on demand.
     * The project is share-locked, so a pack being recorded meanwhile either committed first and goes here, or waits
     * and then sees the change ({@link #record}).
     */
    public void releaseAll(UUID org, UUID projectId) {
        projects.share(org, projectId);
        for (MediaResource pack : media.attachedTo(org, OwnerKind.PROJECT, projectId, MediaRole.MIND_TARGET)) {
            media.findAttachment(org, pack.getId(), OwnerKind.PROJECT, projectId, MediaRole.MIND_TARGET).ifPresent(files::release);
        }
    }
}
