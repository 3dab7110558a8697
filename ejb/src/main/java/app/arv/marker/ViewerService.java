package app.arv.marker;

import app.arv.media.MediaStore;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.marker.ArContentViewRepository;
import app.arv.persistence.marker.Visibility;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What the public viewer may see of AR content, by its unique id and nothing else. Unknown,
 * unpublished, not yet active or not yet compiled content, and any content of a deactivated
 * organization, is 404 (the same answer for all, so the viewer reveals nothing); content past its
 * expiry or its active period is 410.
 */
@Stateless
public class ViewerService {

    @Inject
    ArContentRepository contents;

    @Inject
    ArContentViewRepository views;

    @Inject
    MediaStore files;

    @Inject
    OrganizationRepository organizations;

    public record Showing(ArContent content, MediaResource marker, Optional<MediaResource> overlay) {
    }

    /** The content as the viewer shows it, counting one view (in total and on today's UTC day). */
    public Showing view(String uniqueId) {
        Showing showing = showing(uniqueId);
        views.count(showing.content().getId(), LocalDate.now(ZoneOffset.UTC));
        return showing;
    }

    /** The content as the viewer shows it, without counting (the page and its files). */
    public Showing showing(String uniqueId) {
        ArContent content = contents.findByUniqueId(uniqueId).orElseThrow(ViewerService::unknown);
        if (!organizations.isActive(content.getOrganizationId())) {
            throw unknown();
        }
        Visibility visibility = content.visibilityAt(Instant.now());
        if (visibility == Visibility.GONE) {
            throw DomainException.ended("ar_content_expired", "This AR experience has ended");
        }
        if (visibility == Visibility.HIDDEN) {
            throw unknown();
        }
        MediaResource marker = files.live(content.getOrganizationId(), content.getMarkerMediaId()).orElseThrow(ViewerService::unknown);
        return new Showing(content, marker, files.live(content.getOrganizationId(), content.getOverlayMediaId()));
    }

    private static DomainException unknown() {
        return DomainException.notFound("AR content");
    }
}
