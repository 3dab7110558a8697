package app.arv.printkit;

import app.arv.imaging.RefusedImageException;
import app.arv.media.ImageDecoding;
import app.arv.media.MediaStore;
import app.arv.media.Upright;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.project.ProjectRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The caller's print kits: which AR content goes in, each portrait read from the store and decoded through the
 * node's {@link ImageDecoding} (pixel limit, bounded decodes, EXIF orientation), one at a time, into a
 * {@link PrintKit}, its page made while its decode slots are held. Outside any transaction: reading and decoding many portraits takes a while.
 *
 * <p>A project's kit holds every AR content of the project in creation order, published or not (an operator
 * prints before the launch; the printed link starts working when the content is published), except those whose
 * marker failed: their portrait cannot be tracked, so a printed card would never come to life. Asking for
 * one AR content by id prints it whatever its state.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PrintKits {

    @Inject
    ArContentRepository contents;

    @Inject
    ProjectRepository projects;

    @Inject
    MediaStore files;

    @Inject
    ImageDecoding decoding;

    @Inject
    PrintKitRules rules;

    /** The layout and language of a kit. */
    public record Options(PrintSize size, boolean bleed, KitLanguage language) {
    }

    /**
     * One page for one AR content. The caller writes the returned kit and closes it.
     *
     * @param viewerUrl the absolute viewer link of a content (what its QR code says)
     */
    public PrintKit ofContent(Caller caller, UUID id, Options options, Function<ArContent, String> viewerUrl) {
        ArContent content = contents.find(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("AR content"));
        return compose(caller, List.of(content), options, viewerUrl);
    }

    /**
     * One page per printable AR content of the project (see the class description).
     *
     * @throws DomainException 404 for an unknown (or another organization's) project, 409 {@code nothing_to_print},
     *                         422 {@code too_many_pages} past {@code arv.print-kit.max-pages}
     */
    public PrintKit ofProject(Caller caller, UUID projectId, Options options, Function<ArContent, String> viewerUrl) {
        UUID org = caller.organizationId();
        projects.find(org, projectId).orElseThrow(() -> DomainException.notFound("Project"));
        List<ArContent> printable = new ArrayList<>();
        int offset = 0;
        Page<ArContent> page;
        do {
            page = contents.list(org, projectId, new PageRequest(Page.MAX_LIMIT, offset));
            page.items().stream().filter(c -> c.getMarkerStatus() != MarkerStatus.FAILED).forEach(printable::add);
            if (printable.size() > rules.maxPages()) {
                throw DomainException.tooManyPages(rules.maxPages());
            }
            offset += page.items().size();
        } while (!page.items().isEmpty() && offset < page.total());
        if (printable.isEmpty()) {
            throw DomainException.conflict("nothing_to_print", "The project has no AR content to print (none, or only failed markers)");
        }
        return compose(caller, printable, options, viewerUrl);
    }

    private PrintKit compose(Caller caller, List<ArContent> included, Options options, Function<ArContent, String> viewerUrl) {
        PrintKit kit = new PrintKit(options.size(), options.bleed(), options.language());
        try {
            for (ArContent content : included) {
                addPage(caller, content, kit, viewerUrl);
            }
            return kit;
        } catch (RuntimeException | Error e) {
            kit.close();
            throw e;
        }
    }

    /**
     * The content's page: its portrait decoded, turned upright, scaled and embedded while the decode's slots are held, so
     * those copies of the pixels count against the node's decode bound as the decode does (concurrent kits queue for it
     * rather than fill the heap).
     */
    private void addPage(Caller caller, ArContent content, PrintKit kit, Function<ArContent, String> viewerUrl) {
        MediaResource source = files.live(caller.organizationId(), content.getSourceMediaId())
                .orElseThrow(() -> DomainException.conflict("no_portrait", "AR content " + content.getId() + " has no portrait"));
        byte[] bytes;
        try {
            bytes = files.readAll(source);
        } catch (IOException e) {
            throw MediaStore.stoppedSending("the portrait of AR content " + content.getId(), e);
        }
        try {
            decoding.forRequests().decode(bytes, kit.portraitPixels(), decoded -> {
                kit.addPage(Upright.of(decoded.image(), decoded.orientation()), viewerUrl.apply(content));
                return kit;
            });
        } catch (RefusedImageException e) {
            throw ImageDecoding.refusal("portrait of " + content.getId(), e,
                    () -> DomainException.conflict("portrait_unreadable", "The stored portrait of AR content " + content.getId()
                            + " cannot be read"));
        } catch (OutOfMemoryError e) {
            throw ImageDecoding.outOfMemory();
        }
    }
}
