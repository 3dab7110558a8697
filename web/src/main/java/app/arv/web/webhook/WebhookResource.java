package app.arv.web.webhook;

import app.arv.persistence.webhook.DeliveryStatus;
import app.arv.persistence.webhook.Webhook;
import app.arv.persistence.webhook.WebhookAttempt;
import app.arv.persistence.webhook.WebhookDelivery;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.Links;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.request.Idempotent;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.NoStore;
import app.arv.web.security.RequiresRole;
import app.arv.web.validation.NotBlankWhenGiven;
import app.arv.webhook.DeliveryRecord;
import app.arv.webhook.EventSelection;
import app.arv.webhook.WebhookSecrets;
import app.arv.webhook.WebhookService;
import app.arv.webhook.WebhookService.WithSecret;
import app.arv.webhook.WebhookSpec;
import app.arv.webhook.WebhookUrls;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The outbound webhooks of the caller's organization (its admins only). */
@Path("webhooks")
@RequiresRole(CallerRole.ORG_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource implements ApiDescription.Webhooks {

    @Inject
    WebhookService webhooks;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "My organization's webhooks (a hint of each secret, never the secret)")
    public PageView<WebhookView> list(@Valid @BeanParam Paging paging) {
        return PageView.of(webhooks.list(caller.get(), paging.toRequest()), WebhookView::of);
    }

    @POST
    @NoStore
    @Idempotent(secretInAnswer = true)
    @Operation(summary = "Register a webhook; the response is the only time its signing secret is shown. "
            + Idempotent.SECRET_IN_ANSWER)
    @APIResponse(responseCode = "201", description = "The registered webhook with its secret, shown this once; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookWithSecretView.class)))
    public Response create(@Valid NewWebhook request) {
        WithSecret created = webhooks.create(caller.get(),
                new WebhookSpec(request.url, request.events, request.description, request.enabled, request.secret));
        return Links.created(Links.webhook(created.webhook().getId()), WebhookWithSecretView.of(created));
    }

    @GET
    @Path("{id}")
    public WebhookView get(@PathParam("id") UUID id) {
        return WebhookView.of(webhooks.get(caller.get(), id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a webhook's URL, events, description, or switch it on or off (on: its failure count starts afresh)")
    public WebhookView change(@PathParam("id") UUID id, @Valid WebhookChange request) {
        return WebhookView.of(webhooks.change(caller.get(), id,
                new WebhookSpec(request.url, request.events, request.description, request.enabled, null)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook with its deliveries; nothing more is sent to it")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(caller.get(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate-secret")
    @NoStore
    @Operation(summary = "A new signing secret, shown once; the previous one keeps signing too for ARV_WEBHOOK_SECRET_GRACE")
    public WebhookWithSecretView rotateSecret(@PathParam("id") UUID id) {
        return WebhookWithSecretView.of(webhooks.rotateSecret(caller.get(), id));
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Send a 'test' event to this webhook only (also while it is switched off)")
    @APIResponse(responseCode = "202", description = "The test delivery, queued; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    public Response test(@PathParam("id") UUID id) {
        WebhookDelivery delivery = webhooks.test(caller.get(), id);
        return Links.accepted(Links.webhookDelivery(id, delivery.getId()), DeliveryView.of(new DeliveryRecord(delivery, List.of())));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The webhook's deliveries, newest first, each with its attempts and the receiver's answers")
    public PageView<DeliveryView> deliveries(@PathParam("id") UUID id, @Valid @BeanParam Paging paging) {
        return PageView.of(webhooks.deliveries(caller.get(), id, paging.toRequest()), DeliveryView::of);
    }

    @GET
    @Path("{id}/deliveries/{deliveryId}")
    public DeliveryView delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryView.of(webhooks.delivery(caller.get(), id, deliveryId));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery's event again (same event id and body), as a new delivery")
    @APIResponse(responseCode = "202", description = "The new delivery, queued; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        WebhookDelivery delivery = webhooks.redeliver(caller.get(), id, deliveryId);
        return Links.accepted(Links.webhookDelivery(id, delivery.getId()), DeliveryView.of(new DeliveryRecord(delivery, List.of())));
    }

    /** The fields of a webhook and their constraints, the same when registering one and when changing it. */
    public static class WebhookFields {
        /** Wire names, or ["*"] for every type; absent: every type for a new webhook, unchanged for a change. */
        public List<@NotBlank String> events;

        /** In a change, empty text removes it. */
        @Size(max = 500)
        public String description;

        public Boolean enabled;
    }

    public static class NewWebhook extends WebhookFields {
        @NotBlank
        @Size(max = WebhookUrls.MAX_LENGTH)
        public String url;

        /** The admin's own secret; absent: ARV makes one. */
        @Size(min = WebhookSecrets.MIN_LENGTH, max = WebhookSecrets.MAX_LENGTH)
        public String secret;
    }

    public static class WebhookChange extends WebhookFields {
        @NotBlankWhenGiven
        @Size(max = WebhookUrls.MAX_LENGTH)
        public String url;
    }

    public record WebhookView(UUID id, String url, String description, List<String> events, boolean enabled, String secretHint,
            Instant previousSecretValidUntil, String disabledReason, Instant disabledAt, int consecutiveFailedDeliveries,
            Instant lastDeliveredAt, Instant createdAt, Instant updatedAt) {

        static WebhookView of(Webhook w) {
            Instant previousUntil = w.getPreviousSecretUntil() != null && w.getPreviousSecretUntil().isAfter(Instant.now())
                    ? w.getPreviousSecretUntil()
                    : null;
            return new WebhookView(w.getId(), w.getUrl(), w.getDescription(), subscribed(w), w.isEnabled(), w.getSecretHint(), previousUntil,
                    w.getDisabledReason(), w.getDisabledAt(), w.getConsecutiveDead(), w.getLastDeliveredAt(), w.getCreatedAt(),
                    w.getUpdatedAt());
        }
    }

    public record WebhookWithSecretView(UUID id, String url, String description, List<String> events, boolean enabled, String secretHint,
            Instant createdAt, String secret) {

        static WebhookWithSecretView of(WithSecret created) {
            Webhook w = created.webhook();
            return new WebhookWithSecretView(w.getId(), w.getUrl(), w.getDescription(), subscribed(w), w.isEnabled(), w.getSecretHint(),
                    w.getCreatedAt(), created.secret());
        }
    }

    public record AttemptView(int number, Instant attemptedAt, int durationMs, Integer httpStatus, String responseExcerpt, String error) {

        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.getNumber(), a.getAttemptedAt(), a.getDurationMs(), a.getHttpStatus(), a.getResponseExcerpt(), a.getError());
        }
    }

    /** {@code status}: pending, delivered or dead; {@code next_attempt_at} only while pending. */
    public record DeliveryView(UUID id, UUID eventId, String eventType, String status, boolean manual, Instant createdAt,
            Instant nextAttemptAt, Instant settledAt, List<AttemptView> attempts) {

        static DeliveryView of(DeliveryRecord record) {
            WebhookDelivery d = record.delivery();
            boolean pending = d.getStatus() == DeliveryStatus.PENDING;
            return new DeliveryView(d.getId(), d.getEventId(), d.getEventType(), d.getStatus().name().toLowerCase(Locale.ROOT),
                    d.isManual(), d.getCreatedAt(), pending ? d.getNextAttemptAt() : null, d.getSettledAt(),
                    record.attempts().stream().map(AttemptView::of).toList());
        }
    }

    private static List<String> subscribed(Webhook w) {
        return w.isAllEvents() ? List.of(EventSelection.ALL) : List.copyOf(w.getEvents());
    }
}
