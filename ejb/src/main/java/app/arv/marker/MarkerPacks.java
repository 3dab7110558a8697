package app.arv.marker;

import app.arv.imaging.mind.format.MindFile;
import app.arv.imaging.mind.format.MindFormatException;
import app.arv.imaging.mind.format.MindReader;
import app.arv.imaging.mind.format.MindWriter;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.project.ProjectRepository;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /** The attachment owner kind of a project's marker packs. */
    public static final String PROJECT = "PROJECT";

    @Inject
    ProjectRepository projects;

    @Inject
    ArContentRepository contents;

    @Inject
    MarkerFiles files;

    public record Pack(MediaResource mind, List<ArContent> contents) {
    }

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
            MindFile one = read(marker);
            merged = merged == null ? one : merged.followedBy(one);
            included.add(content);
        }
        byte[] bytes = new MindWriter().write(merged);
        MediaResource mind = files.storeBytes(org, bytes, MarkerFiles.MIND_TYPE, "project-" + projectId + ".mind", null, null);
        files.attachTo(mind, PROJECT, projectId, MediaRole.MIND_TARGET);
        return new Pack(mind, included);
    }

    private MindFile read(MediaResource marker) {
        try (InputStream in = files.open(marker)) {
            return new MindReader().read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MindFormatException e) {
            throw new IllegalStateException("Stored marker " + marker.getId() + " is not a .mind file", e);
        }
    }
}
