package app.arv.shared;

import jakarta.ejb.ApplicationException;

import java.time.Duration;
import java.util.Optional;

/**
 * A rule of the domain said no. It carries the HTTP status and a stable machine-readable code so
 * the web layer can answer in the problem format without knowing each rule; for temporary refusals
 * when to retry, and for refusals past a configured limit which limit it was.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    /** The code of {@link #storageUnavailable}: the object store away, which work in the background waits out. */
    public static final String STORAGE_UNAVAILABLE = "storage_unavailable";
    /** The code of {@link #storageMisconfigured}: the object store refuses the connection's settings, which no retry heals. */
    public static final String STORAGE_MISCONFIGURED = "storage_misconfigured";

    private final int status;
    private final String code;
    private Duration retryAfter;
    private Limit limit;

    /** For the factories below and subclasses' own: a call site names the problem kind, never a status. */
    protected DomainException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** When the client may try again (sent as {@code Retry-After}), if the refusal is temporary. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The configured limit the request went past, for programs to read, or {@code null}. */
    public Limit limit() {
        return limit;
    }

    /** A limit by its stable name ({@code max_pixels}) and the value in force. */
    public record Limit(String name, long value) {
    }

    private DomainException withRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
        return this;
    }

    private DomainException withLimit(String name, long value) {
        this.limit = new Limit(name, value);
        return this;
    }

    /** A tenant's own resource that does not exist — or belongs to another tenant, which must look the same. */
    public static DomainException notFound(String what) {
        return new DomainException(404, "not_found", what + " not found");
    }

    public static DomainException conflict(String code, String message) {
        return new DomainException(409, code, message);
    }

    /** A conditional change ({@code If-Match}) of something that changed since the client read it: nothing was changed. */
    public static DomainException preconditionFailed(String message) {
        return new DomainException(412, "precondition_failed", message);
    }

    public static DomainException invalid(String code, String message) {
        return new DomainException(422, code, message);
    }

    public static DomainException unauthenticated(String code, String message) {
        return new DomainException(401, code, message);
    }

    /** Sign-in refused for a while after repeated failures, whatever the password this time. */
    public static DomainException tooManyAttempts(Duration retryAfter) {
        return new DomainException(429, "too_many_attempts", "Too many failed sign-ins; try again later").withRetryAfter(retryAfter);
    }

    /** The caller is known but lacks the right: for what it may see exist, unlike {@link #notFound}. */
    public static DomainException forbidden(String message) {
        return new DomainException(403, "forbidden", message);
    }

    /** Too much work of this kind is running on the node (e.g. image decodes); the same request may succeed shortly. */
    public static DomainException busy(String message, Duration retryAfter) {
        return new DomainException(503, "busy", message).withRetryAfter(retryAfter);
    }

    /**
     * A request that would mail an address the client chose cannot be counted against its throttle (Redis is away):
     * refused, not let through unbounded; nothing was sent.
     */
    public static DomainException throttleUnavailable(Duration retryAfter) {
        return new DomainException(503, "throttle_unavailable",
                "Requests that send mail cannot be checked against their limits right now; try again shortly")
                .withRetryAfter(retryAfter);
    }

    /** The message broker cannot take the request's work now; nothing of the request was kept. */
    public static DomainException queueUnavailable(String message, Duration retryAfter) {
        return new DomainException(503, "queue_unavailable", message).withRetryAfter(retryAfter);
    }

    /** An image declares more pixels than {@code maxPixels} (refused from its header, before decoding). */
    public static DomainException imageTooLarge(String message, long maxPixels) {
        return new DomainException(422, "image_too_large", message).withLimit("max_pixels", maxPixels);
    }

    /** A request body went past {@code maxBytes} (refused while it streams in). */
    public static DomainException payloadTooLarge(String message, long maxBytes) {
        return new DomainException(413, "payload_too_large", message).withLimit("max_request_bytes", maxBytes);
    }

    /** The client stopped sending a request body before its end (it closed the connection); nothing of it was kept. */
    public static DomainException bodyIncomplete() {
        return new DomainException(400, "body_incomplete", "The request body ended before it was complete");
    }

    /** A URL a tenant supplied points where ARV must not connect (SSRF guard). */
    public static DomainException endpointNotAllowed(String message) {
        return new DomainException(422, "endpoint_not_allowed", message);
    }

    /** One file of an upload is bigger than {@code maxBytes}; nothing of it was kept. */
    public static DomainException fileTooLarge(String fileName, long maxBytes) {
        return new DomainException(413, "file_too_large", "'" + fileName + "' is larger than the limit of " + maxBytes + " bytes")
                .withLimit("max_file_bytes", maxBytes);
    }

    /** A request carried more files than one request may. */
    public static DomainException tooManyFiles(int max) {
        return new DomainException(413, "too_many_files", "At most " + max + " files can be uploaded in one request")
                .withLimit("max_files", max);
    }

    /** A print kit would have more pages than one kit may ({@code arv.print-kit.max-pages}); nothing was built. */
    public static DomainException tooManyPages(int maxPages) {
        return new DomainException(422, "too_many_pages", "A print kit has at most " + maxPages
                + " pages; print the AR content in smaller groups").withLimit("max_pages", maxPages);
    }

    /** The client stopped sending before a file was complete. */
    public static DomainException uploadInterrupted(String fileName) {
        return new DomainException(400, "upload_interrupted", "'" + fileName + "' could not be read completely");
    }

    /** The request body cannot be read as what the endpoint takes (not UTF-8, not JSON of this shape). */
    public static DomainException malformedBody(String message) {
        return new DomainException(400, "malformed_body", message);
    }

    /** A token from a mailed link (password reset) that is unknown, used or expired: one answer for all three. */
    public static DomainException invalidToken(String message) {
        return new DomainException(400, "invalid_token", message);
    }

    /** Something that existed is over for good (a public AR experience past its end): 410, not 404. */
    public static DomainException ended(String code, String message) {
        return new DomainException(410, code, message);
    }

    /** The object store did not answer (in time): nothing was kept, the client may try again shortly. */
    public static DomainException storageUnavailable(String message) {
        return new DomainException(503, STORAGE_UNAVAILABLE, message).withRetryAfter(STORAGE_RETRY_AFTER);
    }

    /**
     * The object store answered and refused the storage connection's settings (credentials, bucket, region): no retry
     * heals it, an organization admin must correct the connection. 502, without Retry-After; the log says what the store
     * said, with its request id.
     */
    public static DomainException storageMisconfigured(String message) {
        return new DomainException(502, STORAGE_MISCONFIGURED, message);
    }

    /**
     * ARV's own disk could not take an incoming file (full, or refusing): nothing was kept, and the client is not to
     * blame. Later, not at once: a full disk waits for an operator or for other uploads to finish.
     */
    public static DomainException spoolUnavailable(String fileName) {
        return new DomainException(503, "spool_unavailable", "This server cannot take '" + fileName
                + "' right now (its disk refused it); try again later").withRetryAfter(SPOOL_RETRY_AFTER);
    }

    /**
     * What the request asks of another node cannot reach it now (Redis, which carries it, is away, or the node does not
     * listen at the moment): nothing was done, the client may try again shortly.
     */
    public static DomainException nodeUnreachable(String message) {
        return new DomainException(503, "node_unreachable", message).withRetryAfter(STORAGE_RETRY_AFTER);
    }

    /** The database cannot be reached (or has no free connection): nothing was done, the client may try again shortly. */
    public static DomainException databaseUnavailable() {
        return new DomainException(503, "database_unavailable", "The database cannot be reached right now; try again shortly")
                .withRetryAfter(STORAGE_RETRY_AFTER);
    }

    /** A single sign-on that cannot be finished (unknown or used state, refused code, invalid ID token); no detail. */
    public static DomainException ssoFailed() {
        return new DomainException(400, "sso_failed", "The sign-in with the identity provider did not succeed; start it again");
    }

    /** A verified address neither of an account nor of a domain any organization allowed. */
    public static DomainException noOrganization() {
        return new DomainException(403, "no_organization", "No organization admits this e-mail address; ask its admin");
    }

    /** The identity provider did not answer (in time) or is not allowed as an outbound address. */
    public static DomainException identityProviderUnavailable() {
        return new DomainException(503, "identity_provider_unavailable", "The identity provider cannot be reached; try again later")
                .withRetryAfter(STORAGE_RETRY_AFTER);
    }

    /**
     * A mail an anonymous request asks for would carry a link, and this installation does not say where it is reached
     * (ARV_PUBLIC_URL) while the request came by an address anybody could have written. No Retry-After: waiting does not help.
     */
    /** @param what what the server cannot do without its public address, e.g. "send links by mail" */
    public static DomainException publicAddressUnset(String what) {
        return new DomainException(503, "public_address_unset",
                "This server cannot " + what + " until its operators set ARV_PUBLIC_URL; try again later");
    }

    /** Self-service sign-up is off on this installation (ARV_SIGNUP_ENABLED): 404, as if it did not exist. */
    public static DomainException signupDisabled() {
        return new DomainException(404, "signup_disabled", "Self-service sign-up is not enabled here; ask the operators for an organization");
    }

    private static final Duration STORAGE_RETRY_AFTER = Duration.ofSeconds(10);
    private static final Duration SPOOL_RETRY_AFTER = Duration.ofSeconds(60);

    /** A listing's filter that cannot be read (an unknown action, a malformed id or time, an empty period). */
    public static DomainException invalidFilter(String message) {
        return new DomainException(400, "invalid_filter", message);
    }

    /** A name in the request that is not one of those the API knows (an event type, a channel): the client's mistake. */
    public static DomainException unknownName(String code, String message) {
        return new DomainException(400, code, message);
    }
}
