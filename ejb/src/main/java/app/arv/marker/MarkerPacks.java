package app.arv.marker;

import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.media.MediaStore;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
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
        List<ArContent> ready = contents.readyInProject(org, projectId);
        if (ready.isEmpty()) {
            throw DomainException.conflict("no_ready_markers", "The project has no AR content with a ready marker");
        }
        MindFile merged = null;
        List<ArContent> included = new ArrayList<>();
        for (ArContent content : ready) {
            MediaResource marker = files.live(org, content.getMarkerMediaId()).orElse(null);
            if (marker == null) {
                continue;
            }
            MindFile one = MarkerFiles.readStored(files, marker);
            merged = merged == null ? one : merged.followedBy(one);
            included.add(content);
        }
        byte[] bytes = new MindWriter().write(merged);
        MediaStore.StagedFile staged = files.stageBytes(org, bytes, MIND_TYPE, "project-" + projectId + ".mind", null, null);
        return new Pack(context.getBusinessObject(MarkerPacks.class).record(org, projectId, staged), included);
    }

    /** Attaches the written pack to the project, unless the project went meanwhile (then the pack goes). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MediaResource record(UUID org, UUID projectId, MediaStore.StagedFile staged) {
        if (projects.lock(org, projectId).isEmpty()) {
            files.discard(staged);
            throw DomainException.notFound("Project");
        }
        MediaResource mind = files.record(staged);
        files.attach(mind, OwnerKind.PROJECT, projectId, MediaRole.MIND_TARGET);
        return mind;
    }
}
