package app.arv.marker;

import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.media.Download;
import app.arv.media.FileNames;
import app.arv.media.MediaService;
import app.arv.media.MediaStore;
import app.arv.media.SpooledFile;
import app.arv.messaging.BrokerAvailability;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.marker.ArContent;
import app.arv.persistence.marker.ArContentRepository;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.persistence.marker.OverlayKind;
import app.arv.persistence.media.MediaAttachment;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.project.ProjectRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.shared.SearchText;
import app.arv.platform.ApplicationMetric;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import app.arv.shared.WireName;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * AR content of the caller's organization: a portrait, its compiled marker and its overlay. Every
 * change that needs a (re)compilation leaves the content PENDING and queues a compile request,
 * which is delivered when this transaction commits.
 */
@Stateless
public class ArContentService {

    @Inject
    AuditTrail audit;

    @Inject
    ArContentRepository contents;

    @Inject
    ProjectRepository projects;

    @Inject
    MediaService mediaService;

    @Inject
    MediaRepository media;

    @Inject
    MediaStore store;

    @Inject
    MarkerPacks packs;

    @Inject
    CompileRequests compileRequests;

    @Inject
    BrokerAvailability broker;

    @Inject
    MarkerEvents events;

    @Inject
    MetricRegistry metrics;

    @Resource
    SessionContext context;

    /**
     * A new portrait, checked and stored like every library image, then queued for compilation. It is the content's own,
     * not put in the library: it goes with the content (or when replaced), unless the library holds the same bytes.
     * The image is written first, with no lock of this transaction held (the media layer stages it outside it and
     * records it in it); only then is the project share-locked. So a slow upload holds up no change of the project; a
     * project gone meanwhile rolls the transaction back (404), and the media layer deletes what it staged.
     */
    public ArContent create(Caller caller, UUID projectId, SpooledFile image, ContentDetails details) {
        return create(caller, projectId, image, details, false);
    }

    /** @param force build the marker even if its portrait is rated {@code unusable} (the caller accepts the risk) */
    public ArContent create(Caller caller, UUID projectId, SpooledFile image, ContentDetails details, boolean force) {
        // Before anything is stored: with the broker away the compilation could not be requested.
        broker.require();
        MediaResource source = mediaService.uploadFor(caller, List.of(image), MarkerFiles.COMPILABLE).get(0);
        holdProject(caller, projectId);
        return created(caller, projectId, source, details, force);
    }

    /**
     * Many portraits at once, each titled by its file name: all are checked before any is stored,
     * and one compile request covers them, so one batch job (partitioned) compiles them all. Stored before the project
     * is share-locked, as {@link #create} stores its one.
     */
    public List<ArContent> createBatch(Caller caller, UUID projectId, List<SpooledFile> images) {
        broker.require();
        List<MediaResource> sources = mediaService.uploadFor(caller, images, MarkerFiles.COMPILABLE);
        holdProject(caller, projectId);
        List<ArContent> created = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            ArContent content = new ArContent(caller.organizationId(), projectId, titleOf(images.get(i)), sources.get(i).getId());
            content.createdBy(caller.userId());
            contents.add(content);
            store.attach(sources.get(i), OwnerKind.AR_CONTENT, content.getId(), MediaRole.SOURCE_IMAGE);
            events.statusChanged(content);
            publishedOnCreation(caller, content);
            created.add(content);
        }
        compileRequests.request(caller.organizationId());
        ApplicationMetric.AR_CONTENT_CREATED.counter(metrics).inc(created.size());
        return created;
    }

    /** The client's file name is only a label: sanitized (no control characters) and cut as every file name is. */
    private static String titleOf(SpooledFile image) {
        String name = image.originalName();
        return name == null || name.isBlank() ? "Portrait" : FileNames.stem(name);
    }

    /** A portrait already in the organization's media library. */
    public ArContent createFromMedia(Caller caller, UUID projectId, UUID mediaId, ContentDetails details) {
        return createFromMedia(caller, projectId, mediaId, details, false);
    }

    /** @param force build the marker even if its portrait is rated {@code unusable} (the caller accepts the risk) */
    public ArContent createFromMedia(Caller caller, UUID projectId, UUID mediaId, ContentDetails details, boolean force) {
        holdProject(caller, projectId);
        broker.require();
        MediaResource source = libraryImage(caller, mediaId);
        return created(caller, projectId, source, details, force);
    }

    private ArContent created(Caller caller, UUID projectId, MediaResource source, ContentDetails details, boolean force) {
        ArContent content = new ArContent(caller.organizationId(), projectId, details.title().strip(), source.getId());
        content.forceMarker(force);
        content.createdBy(caller.userId());
        apply(content, details);
        contents.add(content);
        store.attach(source, OwnerKind.AR_CONTENT, content.getId(), MediaRole.SOURCE_IMAGE);
        compileRequests.request(caller.organizationId());
        ApplicationMetric.AR_CONTENT_CREATED.counter(metrics).inc();
        events.statusChanged(content);
        publishedOnCreation(caller, content);
        return content;
    }

    /**
     * @param search       part of a title, any case; blank for all
     * @param markerStatus {@code pending}, {@code compiling}, {@code ready} or {@code failed}; blank for any
     */
    public Page<ArContent> list(Caller caller, UUID projectId, String search, String markerStatus, PageRequest page) {
        requireProject(caller, projectId);
        return contents.list(caller.organizationId(), projectId, SearchText.of(search), markerStatusNamed(markerStatus), page);
    }

    private static MarkerStatus markerStatusNamed(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return MarkerStatus.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidFilter("marker_status must be pending, compiling, ready or failed");
        }
    }

    public ArContent get(Caller caller, UUID id) {
        return contents.find(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("AR content"));
    }

    /**
     * Applies {@code change} (a field it names and leaves {@code null} is cleared; the title and publication cannot be) if
     * {@code current} accepts the content as the client last read it (checked under the row lock, so of two changes made
     * from the same reading the second is refused, 412), and writes it at once, so the answer carries the new revision.
     * The HTTP API accepts a reading of the same details ({@link ArContent#sameDetails}): what the compile job wrote
     * meanwhile is no change of the client's to lose.
     */
    public ArContent change(Caller caller, UUID id, ContentChange change, Predicate<ArContent> current) {
        ArContent content = locked(caller, id);
        if (!current.test(content)) {
            throw DomainException.preconditionFailed("The AR content changed since it was read; read it again and repeat the change");
        }
        ContentDetails details = change.details();
        if (change.names(ContentChange.Field.TITLE)) {
            if (details.title() == null) {
                throw DomainException.invalid("required_field", "title cannot be removed, only changed");
            }
            content.retitle(details.title().strip());
        }
        if (change.names(ContentChange.Field.PUBLISHED) && details.published() == null) {
            throw DomainException.invalid("required_field", "published cannot be removed; it is true or false");
        }
        content.describeOrder(
                change.value(ContentChange.Field.ORDER_NUMBER, details.orderNumber(), content.getOrderNumber()),
                change.value(ContentChange.Field.CUSTOMER_NAME, details.customerName(), content.getCustomerName()),
                change.value(ContentChange.Field.CUSTOMER_EMAIL, details.customerEmail(), content.getCustomerEmail()),
                change.value(ContentChange.Field.CUSTOMER_PHONE, details.customerPhone(), content.getCustomerPhone()));
        content.schedule(
                change.value(ContentChange.Field.ACTIVE_FROM, details.activeFrom(), content.getActiveFrom()),
                change.value(ContentChange.Field.ACTIVE_UNTIL, details.activeUntil(), content.getActiveUntil()),
                change.value(ContentChange.Field.EXPIRES_AT, details.expiresAt(), content.getExpiresAt()));
        boolean wasPublished = content.isPublished();
        if (change.names(ContentChange.Field.PUBLISHED)) {
            content.publish(details.published());
        }
        requireSaneSchedule(content);
        if (content.isPublished() != wasPublished) {
            audit.record(caller, content.isPublished() ? AuditAction.AR_CONTENT_PUBLISHED : AuditAction.AR_CONTENT_UNPUBLISHED,
                    id, schedule(content));
        }
        contents.flush();
        return content;
    }

    /** New content is public from the start unless created unpublished: that is its publication. */
    private void publishedOnCreation(Caller caller, ArContent content) {
        if (content.isPublished()) {
            audit.record(caller, AuditAction.AR_CONTENT_PUBLISHED, content.getId(), schedule(content).and("created", true));
        }
    }

    /** What an entry about publication says: the title and the schedule that still decides when the content shows. */
    private static AuditDetails schedule(ArContent content) {
        return AuditDetails.with("title", content.getTitle()).and("unique_id", content.getUniqueId())
                .and("active_from", content.getActiveFrom()).and("active_until", content.getActiveUntil())
                .and("expires_at", content.getExpiresAt());
    }

    /**
     * Deletes the content; its files are retired when nothing else uses them, and so are the project's marker packs,
     * which hold a copy of its portrait. Row-locked first: a change that raced this one waits and then finds nothing.
     */
    public void delete(Caller caller, UUID id) {
        ArContent content = locked(caller, id);
        packs.releaseAll(caller.organizationId(), content.getProjectId());
        store.releaseAll(caller.organizationId(), OwnerKind.AR_CONTENT, id);
        contents.remove(content);
        audit.record(caller, AuditAction.AR_CONTENT_DELETED, id, AuditDetails.with("title", content.getTitle())
                .and("unique_id", content.getUniqueId()).and("project_id", content.getProjectId()));
    }

    /** A new portrait: the current marker stays served until the new one is ready. */
    public ArContent replaceImage(Caller caller, UUID id, SpooledFile image) {
        return replaceImage(caller, id, image, false);
    }

    /** @param force build the marker even if the new portrait is rated {@code unusable} */
    public ArContent replaceImage(Caller caller, UUID id, SpooledFile image, boolean force) {
        get(caller, id);
        broker.require();
        MediaResource source = mediaService.uploadFor(caller, List.of(image), MarkerFiles.COMPILABLE).get(0);
        // Locked only once the image is checked and stored (seconds): a deletion meanwhile is not kept waiting for that,
        // and this then finds nothing (404, and the rollback takes the stored file away).
        ArContent content = locked(caller, id);
        content.forceMarker(force);
        packs.releaseAll(caller.organizationId(), content.getProjectId());
        // The old portrait goes unless something else holds it (the library, when it was chosen from there).
        store.attachInstead(source, OwnerKind.AR_CONTENT, id, MediaRole.SOURCE_IMAGE).forEach(store::release);
        content.replaceSource(source.getId());
        compileRequests.request(caller.organizationId());
        events.statusChanged(content);
        return content;
    }

    public ArContent regenerate(Caller caller, UUID id) {
        return regenerate(caller, id, false);
    }

    /** @param force build the marker even if the portrait is rated {@code unusable}; without it an earlier force stays */
    public ArContent regenerate(Caller caller, UUID id, boolean force) {
        ArContent content = locked(caller, id);
        if (content.getMarkerStatus() == MarkerStatus.PENDING || content.getMarkerStatus() == MarkerStatus.COMPILING) {
            throw DomainException.conflict("marker_in_progress", "The marker is already being compiled");
        }
        broker.require();
        if (force) {
            content.forceMarker(true);
        }
        content.requestMarker();
        packs.releaseAll(caller.organizationId(), content.getProjectId());
        compileRequests.request(caller.organizationId());
        events.statusChanged(content);
        return content;
    }

    /** The compiled {@code .mind}; 409 until one exists. */
    public Download markerFile(Caller caller, UUID id) {
        ArContent content = get(caller, id);
        if (content.getMarkerMediaId() == null) {
            throw DomainException.conflict("marker_not_ready", "The marker is " + WireName.of(content.getMarkerStatus()));
        }
        return mediaService.download(caller, content.getMarkerMediaId(), false);
    }

    /** Makes a checked video or model file the content's active overlay (previous overlays stay attached). */
    public ArContent attachOverlay(Caller caller, UUID id, SpooledFile file) {
        OverlayFiles.Sniffed sniffed = OverlayFiles.sniff(file.head(), file.headLength()).orElseThrow(() -> DomainException.invalid("unsupported_overlay_type",
                "'" + file.originalName() + "' is not an MP4 or WebM video or a binary glTF (GLB) model"));
        MediaStore.StagedFile staged = context.getBusinessObject(ArContentService.class).stageOverlay(caller, id, file, sniffed.mediaType());
        MediaResource resource = staged == null
                ? store.storeFile(caller.organizationId(), file.path(), file.size(), file.sha256(), sniffed.mediaType(), file.originalName())
                : store.recordClientFile(staged);
        // Locked once the file is stored, as a new portrait is (replaceImage).
        ArContent content = locked(caller, id);
        store.attach(resource, OwnerKind.AR_CONTENT, id, sniffed.kind() == OverlayKind.VIDEO ? MediaRole.OVERLAY_VIDEO : MediaRole.MODEL_GLB);
        content.attachOverlay(resource.getId(), sniffed.kind());
        return content;
    }

    /**
     * Writes an overlay (up to the upload limit) to the organization's store outside any transaction, so that no database
     * connection and no lock — the organization's storage lock above all — is held meanwhile; {@link #attachOverlay}
     * then records it in a short transaction, whose rollback removes it. Null when the organization stores the bytes
     * already: nothing is written (and the recording finds them, or writes them after all if they went meanwhile).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MediaStore.StagedFile stageOverlay(Caller caller, UUID id, SpooledFile file, String mediaType) {
        get(caller, id);
        if (media.findLiveBySha256(caller.organizationId(), file.sha256()).isPresent()) {
            return null;
        }
        return store.stageFile(caller.organizationId(), file, mediaType, file.originalName());
    }

    /** Makes a GLB of the media library the active overlay. */
    public ArContent attachModelFromMedia(Caller caller, UUID id, UUID mediaId) {
        ArContent content = locked(caller, id);
        MediaResource model = media.findLive(caller.organizationId(), mediaId).orElseThrow(() -> DomainException.notFound("Media"));
        if (!"model/gltf-binary".equals(model.getMediaType())) {
            throw DomainException.invalid("unsupported_overlay_type", "Media " + mediaId + " is " + model.getMediaType()
                    + ", not a binary glTF (GLB) model");
        }
        store.attach(model, OwnerKind.AR_CONTENT, id, MediaRole.MODEL_GLB);
        content.attachOverlay(model.getId(), OverlayKind.GLB);
        return content;
    }

    /**
     * Lets go of one overlay of the content (retired unless something else, such as the media library, holds it); when
     * it is the active one, no overlay is active afterwards. A media id that is no overlay of this content is not found.
     */
    public ArContent removeOverlay(Caller caller, UUID id, UUID mediaId) {
        ArContent content = locked(caller, id);
        UUID org = caller.organizationId();
        List<MediaAttachment> attachments = Stream.of(MediaRole.OVERLAY_VIDEO, MediaRole.MODEL_GLB)
                .flatMap(role -> media.findAttachment(org, mediaId, OwnerKind.AR_CONTENT, id, role).stream()).toList();
        if (attachments.isEmpty()) {
            throw DomainException.notFound("Overlay");
        }
        attachments.forEach(store::release);
        if (mediaId.equals(content.getOverlayMediaId())) {
            content.clearOverlay();
        }
        return content;
    }

    public List<MediaResource> overlays(Caller caller, UUID id) {
        get(caller, id);
        List<MediaResource> all = new ArrayList<>(media.attachedTo(caller.organizationId(), OwnerKind.AR_CONTENT, id,
                MediaRole.OVERLAY_VIDEO));
        all.addAll(media.attachedTo(caller.organizationId(), OwnerKind.AR_CONTENT, id, MediaRole.MODEL_GLB));
        return all;
    }

    /**
     * The content row-locked until the transaction ends, as committed now (what others changed since this transaction
     * first read it counts, and nothing of the earlier read is written back over it); one deleted meanwhile is not found.
     */
    private ArContent locked(Caller caller, UUID id) {
        ArContent content = contents.lock(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("AR content"));
        contents.refreshLocked(content);
        return content;
    }

    private void apply(ArContent content, ContentDetails details) {
        content.describeOrder(details.orderNumber(), details.customerName(), details.customerEmail(), details.customerPhone());
        content.schedule(details.activeFrom(), details.activeUntil(), details.expiresAt());
        if (details.published() != null) {
            content.publish(details.published());
        }
        requireSaneSchedule(content);
    }

    private static void requireSaneSchedule(ArContent content) {
        if (!content.hasSaneSchedule()) {
            throw DomainException.invalid("invalid_schedule", "active_from must be before active_until");
        }
    }

    private void requireProject(Caller caller, UUID projectId) {
        projects.find(caller.organizationId(), projectId).orElseThrow(() -> DomainException.notFound("Project"));
    }

    /**
     * The project that new content goes into, share-locked: its deletion waits for this transaction and then finds the
     * content (409), or came first and this answers 404 — never a foreign-key failure at commit with the files stored.
     */
    private void holdProject(Caller caller, UUID projectId) {
        projects.share(caller.organizationId(), projectId).orElseThrow(() -> DomainException.notFound("Project"));
    }

    private MediaResource libraryImage(Caller caller, UUID mediaId) {
        UUID org = caller.organizationId();
        MediaResource resource = media.findLive(org, mediaId).orElseThrow(() -> DomainException.notFound("Media"));
        if (media.findAttachment(org, mediaId, OwnerKind.UPLOAD, org, MediaRole.SOURCE_IMAGE).isEmpty()) {
            throw DomainException.invalid("not_a_library_image", "Media " + mediaId + " is not an image of the media library");
        }
        if (resource.getWidth() != null && resource.getHeight() != null) {
            MarkerFiles.requireCompilableShape(resource.getOriginalName(), resource.getWidth(), resource.getHeight());
        }
        return resource;
    }
}
