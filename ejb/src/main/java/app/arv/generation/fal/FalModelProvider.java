package app.arv.generation.fal;

import app.arv.generation.ModelPreviews;
import app.arv.generation.ModelProvider;
import app.arv.generation.ModelRefusedException;
import app.arv.generation.ModelResult;
import app.arv.generation.ProgressSink;
import app.arv.generation.ProviderRequest;
import app.arv.generation.SourceImage;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.imaging.render.ModelPreview;
import app.arv.media.SpooledFile;
import app.arv.shared.Causes;
import app.arv.shared.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FAL.AI's Tripo v2.5 image-to-3D through its queue API: submit the image as a data URI, poll the
 * status (queue position and logs become progress), fetch the result, download the GLB (pbr_model,
 * else model_mesh, else base_model); the preview is ARV's own picture of that GLB ({@link ModelPreviews}), or FAL's
 * rendered image when the GLB cannot be drawn.
 *
 * <p>A generation costs money, so once FAL has accepted the request nothing submits it again: the request
 * is recorded on the item at once ({@link ProviderRequest}), and an attempt that breaks afterwards (storage,
 * the database, the node stopping) is followed by one that resumes it. FAL out of reach while the request runs
 * (after the client's own retries, or this node's circuit breaker open) is waited out, polling on: it says nothing
 * about the request, which FAL goes on making and charging for. Only FAL's verdict (its error, a malformed result),
 * no result within {@code arv.fal.timeout} of the submission (however many attempts waited for it), or a submission
 * whose answer was lost fails the item with its reason; retrying is the client's decision. A cancelled item's
 * request is cancelled at FAL at the next poll.
 */
@ApplicationScoped
public class FalModelProvider implements ModelProvider {

    public static final String NAME = "fal";

    private static final Logger LOG = Logger.getLogger(FalModelProvider.class.getName());
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})(?:\\.\\d+)?\\s*%");
    private static final byte[] GLB_MAGIC = {'g', 'l', 'T', 'F'};
    /** FAL's rendered image is a picture to show beside the model, held in memory to store it: a larger one is not kept. */
    private static final long MAX_PREVIEW_BYTES = 16L * 1024 * 1024;

    /** ARV's own member in FAL's answer as kept on the item: when the request was submitted (ISO-8601). */
    static final String SUBMITTED_AT = "arv_submitted_at";

    @Inject
    FalClient fal;

    @Inject
    ModelPreviews previews;

    @Inject
    FalRules rules;

    @Inject
    FalCircuits circuits;

    @Override
    public String name() {
        return NAME;
    }

    /** Without a key every request would be refused by FAL: the provider is not offered at all. */
    @Override
    public boolean available() {
        return fal.configured();
    }

    /** FAL charges for every request: its items count against the organization's FAL grant and monthly budget. */
    @Override
    public boolean paid() {
        return true;
    }

    /** The breakers of {@link FalClient}'s calls, on this node. */
    @Override
    public List<Circuit> circuits() {
        return circuits.circuits();
    }

    @Override
    public ModelResult generate(SourceImage image, GenerationOptions options, ProgressSink progress, ProviderRequest request)
            throws ModelRefusedException {
        JsonObject submitted = request.recorded().isPresent() ? resumed(request.recorded().get()) : submitted(image, options, request);
        // From here on the generation is paid for: FAL's verdict or the timeout ends the item, FAL being out of reach
        // is waited out, and a broken attempt is resumed by the next delivery; nothing resubmits it.
        String requestId = submitted.getString("request_id", "?");
        try {
            String statusUrl = submitted.getString("status_url");
            String responseUrl = submitted.getString("response_url");
            String cancelUrl = submitted.getString("cancel_url", null);
            // Counted from the submission, so an attempt resuming the request does not start the wait over.
            Instant deadline = submittedAt(submitted).plus(rules.timeout());
            if (!progress.report(5, "queued")) {
                throw stopped(cancelUrl, requestId);
            }
            awaitCompletion(requestId, statusUrl, cancelUrl, deadline, progress);
            if (!progress.report(85, "downloading")) {
                throw ModelRefusedException.noLongerWanted("FAL.AI request " + requestId + " finished; its model was not downloaded");
            }
            JsonObject result = patiently(() -> fal.get(responseUrl, false), "the result of FAL.AI request " + requestId, deadline,
                    progress);
            String modelUrl = fileUrl(result, "pbr_model", "model_mesh", "base_model");
            if (modelUrl == null) {
                throw new ModelRefusedException("FAL.AI request " + requestId + " returned no model (none of pbr_model,"
                        + " model_mesh, base_model has a url)");
            }
            SpooledFile glb = patiently(() -> fal.download(modelUrl, "model.glb"), "the model of FAL.AI request " + requestId, deadline,
                    progress);
            try {
                if (!isGlb(glb)) {
                    throw new ModelRefusedException("FAL.AI request " + requestId + " returned a model that is not a binary glTF file");
                }
                return withPreview(glb, result, requestId);
            } catch (RuntimeException | ModelRefusedException | Error e) {
                glb.close();
                throw e;
            }
        } catch (FalRejectedException | ClassCastException | NullPointerException e) {
            throw new ModelRefusedException("FAL.AI request " + requestId + " failed: " + Causes.message(e));
        }
    }

    /**
     * The model with ARV's own picture of it, drawn from the file without reading it into the heap; FAL's rendered image
     * when the GLB cannot be drawn; none when neither is there. The model is what was paid for: a missing preview is not
     * worth failing it.
     */
    private ModelResult withPreview(SpooledFile glb, JsonObject result, String requestId) {
        byte[] drawn = previews.of(glb.path()).orElse(null);
        if (drawn != null) {
            return ModelResult.inFile(glb, drawn, ModelPreview.MEDIA_TYPE);
        }
        String previewUrl = fileUrl(result, "rendered_image");
        if (previewUrl == null) {
            return ModelResult.inFile(glb, null, null);
        }
        try (SpooledFile rendered = fal.download(previewUrl, "preview")) {
            if (rendered.size() > MAX_PREVIEW_BYTES) {
                LOG.warning("Preview of FAL.AI request " + requestId + " not kept: " + rendered.size() + " bytes, more than "
                        + MAX_PREVIEW_BYTES);
                return ModelResult.inFile(glb, null, null);
            }
            return ModelResult.inFile(glb, Files.readAllBytes(rendered.path()),
                    result.getJsonObject("rendered_image").getString("content_type", "image/webp"));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Preview of FAL.AI request " + requestId + " not downloaded", e);
            return ModelResult.inFile(glb, null, null);
        }
    }

    /**
     * A new request at FAL, recorded on the item as soon as FAL has accepted it. Trouble before that
     * (FAL unreachable or busy) is worth another delivery; a submission whose answer was lost is not, as
     * FAL may have accepted it.
     */
    private JsonObject submitted(SourceImage image, GenerationOptions options, ProviderRequest request) throws ModelRefusedException {
        JsonObject submitted;
        try {
            submitted = fal.submit(input(image, options));
        } catch (FalRejectedException e) {
            throw new ModelRefusedException(e.getMessage());
        } catch (FalAnswerLostException e) {
            throw new ModelRefusedException(e.getMessage() + ": FAL.AI may have accepted it, so it was not submitted again,"
                    + " to avoid paying twice; retry the item to submit it anew");
        }
        submitted = Jsonp.createObjectBuilder(submitted).add(SUBMITTED_AT, Instant.now().toString()).build();
        try {
            request.record(submitted.toString());
        } catch (RuntimeException e) {
            // Paid for whether recorded or not: going on is right, only a later break of this attempt would submit it again.
            LOG.log(Level.WARNING, "FAL.AI request " + submitted.getString("request_id", "?") + " could not be kept on its item;"
                    + " should this attempt break, the next one submits it again", e);
        }
        return submitted;
    }

    /** When ARV submitted the request; now for one recorded before this was kept, or unreadable. */
    private static Instant submittedAt(JsonObject submitted) {
        try {
            return Instant.parse(submitted.getString(SUBMITTED_AT));
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    /** The request an earlier attempt of the item started (its message was delivered again): waited for, never sent again. */
    private static JsonObject resumed(String recorded) throws ModelRefusedException {
        JsonObject submitted;
        try {
            submitted = Jsonp.readObject(recorded);
        } catch (RuntimeException e) {
            throw new ModelRefusedException("The FAL.AI request an earlier attempt started cannot be read back;"
                    + " it was not submitted again, to avoid paying twice");
        }
        LOG.info("Resuming FAL.AI request " + submitted.getString("request_id", "?") + " that an earlier attempt of the item started");
        return submitted;
    }

    /**
     * Polls the request's status until FAL says it is done, its queue position and logs reported as progress. Every poll
     * also asks whether the item is still wanted; one that is not (cancelled) has its request cancelled at FAL, and so
     * does one past the deadline.
     */
    private void awaitCompletion(String requestId, String statusUrl, String cancelUrl, Instant deadline, ProgressSink progress)
            throws ModelRefusedException {
        untilDone("the status of FAL.AI request " + requestId, deadline, progress, Answer.going(5, "queued"),
                () -> statusOf(fal.get(statusUrl, true)), () -> stopped(cancelUrl, requestId), unanswered -> {
                    if (cancelUrl != null) {
                        fal.cancel(cancelUrl);
                    }
                    return new ModelRefusedException("FAL.AI did not finish within " + rules.timeout()
                            + (unanswered == null ? "" : " (it did not answer the last polls)"));
                });
    }

    /** FAL's status of a request, as progress until it is done. */
    private static Answer<Void> statusOf(JsonObject status) throws ModelRefusedException {
        String state = status.getString("status", "");
        return switch (state) {
            case "COMPLETED" -> Answer.done(null);
            case "IN_QUEUE" -> Answer.going(5, status.containsKey("queue_position") ? "queued (position " + status.get("queue_position") + ")" : "queued");
            case "IN_PROGRESS" -> Answer.going(10 + (int) (0.7 * lastLogPercent(status)), "generating");
            default -> throw new ModelRefusedException("FAL.AI reported an unknown status '" + state + "'");
        };
    }

    /** The item is no longer wanted: FAL stops the request (best effort), and so does this attempt. */
    private ModelRefusedException stopped(String cancelUrl, String requestId) {
        if (cancelUrl != null) {
            fal.cancel(cancelUrl);
        }
        LOG.info("FAL.AI request " + requestId + " cancelled: its item is no longer wanted");
        return ModelRefusedException.noLongerWanted("FAL.AI request " + requestId + " was cancelled");
    }

    /** A call about a finished request (its result, its model), asked again while FAL does not answer, as a status poll is. */
    private <T> T patiently(Supplier<T> call, String what, Instant deadline, ProgressSink progress) throws ModelRefusedException {
        return untilDone(what, deadline, progress, Answer.going(85, "downloading"), () -> Answer.done(call.get()),
                () -> ModelRefusedException.noLongerWanted(what + " was not downloaded"),
                unanswered -> new ModelRefusedException("FAL.AI did not hand over " + what + " within " + rules.timeout()
                        + (unanswered == null ? "" : ": " + Causes.message(unanswered))));
    }

    /**
     * What one question about a paid request answered: done, with its value, or not yet, with the progress to report.
     *
     * @param stage the item's stage meanwhile; null when done
     */
    private record Answer<T>(T value, int percent, String stage) {

        static <T> Answer<T> done(T value) {
            return new Answer<>(value, 100, null);
        }

        static <T> Answer<T> going(int percent, String stage) {
            return new Answer<>(null, percent, stage.length() > 32 ? stage.substring(0, 32) : stage);
        }

        boolean isDone() { return stage == null; }
    }

    /** One question to FAL about a paid request. */
    @FunctionalInterface
    private interface Question<T> {
        Answer<T> ask() throws ModelRefusedException;
    }

    /**
     * Asks FAL about a paid request until it answers done: the one way of waiting for FAL once it has the request. A
     * question FAL does not answer (unreachable, 429/5xx after the client's own retries, this node's breaker open) is not
     * its verdict on the request, which goes on and is charged for: it is asked again after the poll interval. Between
     * questions the item's progress is reported (the last answer's), which also asks whether the item is still wanted.
     *
     * @param meanwhile the progress to report until FAL answers
     * @param unwanted what ends the attempt when the item is no longer wanted
     * @param late what ends it past the deadline, given the last failure to answer (null if FAL answered the last question)
     */
    private <T> T untilDone(String what, Instant deadline, ProgressSink progress, Answer<T> meanwhile, Question<T> question,
            Supplier<ModelRefusedException> unwanted, Function<RuntimeException, ModelRefusedException> late)
            throws ModelRefusedException {
        Answer<T> last = meanwhile;
        RuntimeException unanswered = null;
        while (true) {
            try {
                Answer<T> answer = question.ask();
                if (unanswered != null) {
                    LOG.info("FAL.AI answers about " + what + " again");
                    unanswered = null;
                }
                if (answer.isDone()) {
                    return answer.value();
                }
                last = answer;
            } catch (FalUnavailableException | CircuitBreakerOpenException e) {
                if (unanswered == null) {
                    LOG.warning("FAL.AI does not answer about " + what + " (" + Causes.message(e) + "); asking again until " + deadline);
                }
                unanswered = e;
            }
            if (!progress.report(last.percent(), last.stage())) {
                throw unwanted.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw late.apply(unanswered);
            }
            sleep(rules.pollInterval());
        }
    }

    /** The last "NN%" in FAL's logs, or 0: Tripo logs its progress as text. */
    static int lastLogPercent(JsonObject status) {
        JsonValue logs = status.get("logs");
        if (!(logs instanceof JsonArray entries)) {
            return 0;
        }
        int percent = 0;
        for (JsonValue entry : entries) {
            String message = entry instanceof JsonObject o ? o.getString("message", "") : entry.toString();
            Matcher m = PERCENT.matcher(message);
            while (m.find()) {
                percent = Math.min(100, Integer.parseInt(m.group(1)));
            }
        }
        return percent;
    }

    static JsonObject input(SourceImage image, GenerationOptions options) {
        String dataUri = "data:" + image.mediaType() + ";base64," + Base64.getEncoder().encodeToString(image.bytes());
        return Jsonp.createObjectBuilder()
                .add("image_url", dataUri)
                .add("face_limit", options.faceLimit())
                .add("texture", switch (options.texture()) {
                    case NONE -> "no";
                    case STANDARD -> "standard";
                    case HD -> "HD";
                })
                .add("pbr", options.texture() != TextureQuality.NONE)
                .build();
    }

    private static String fileUrl(JsonObject result, String... keys) {
        for (String key : List.of(keys)) {
            JsonValue value = result.get(key);
            if (value instanceof JsonObject file && file.get("url") instanceof JsonString url && !url.getString().isBlank()) {
                return url.getString();
            }
        }
        return null;
    }

    private static boolean isGlb(SpooledFile file) {
        byte[] head = file.head();
        if (file.size() < 12 || file.headLength() < 8) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (head[i] != GLB_MAGIC[i]) {
                return false;
            }
        }
        return head[4] == 2 && head[5] == 0 && head[6] == 0 && head[7] == 0;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for FAL.AI", e);
        }
    }
}
