package app.arv.idempotency;

import app.arv.persistence.idempotency.IdempotencyRecord;
import app.arv.persistence.idempotency.IdempotencyRepository;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The store behind {@code Idempotency-Key}: claims a key for the request doing the work, keeps its
 * answer, and tells duplicates what to do. PostgreSQL is the one truth for every node; each method
 * is one short transaction of its own, never held across the work.
 */
@Stateless
public class IdempotencyKeys {

    /** 1-255 printable ASCII characters (what a header can carry unambiguously). */
    private static final Pattern SYNTAX = Pattern.compile("[\\x20-\\x7E]{1,255}");
    /** Claiming and a concurrent expiry may cross; a few rounds always settle it. */
    private static final int ATTEMPTS = 3;

    @Inject
    IdempotencyRepository records;

    @Inject
    IdempotencyRules rules;

    public static boolean wellFormed(String key) {
        return key != null && SYNTAX.matcher(key).matches() && !key.isBlank();
    }

    /**
     * Claims the key for this request, or says what the request that holds it has answered (or that
     * it is still working). Expired records and claims whose node died are cleared first.
     */
    public Claim begin(IdempotencyScope scope, String key, String requestLine) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = Instant.now();
            records.removeIfOver(scope.organizationId(), scope.credential(), key, now.minus(rules.retention()), now);
            Optional<UUID> granted = records.claim(scope.organizationId(), scope.credential(), key, requestLine, now,
                    now.plus(rules.lease()));
            if (granted.isPresent()) {
                return new Claim.Granted(granted.get());
            }
            Optional<IdempotencyRecord> held = records.find(scope.organizationId(), scope.credential(), key);
            if (held.isPresent()) {
                IdempotencyRecord record = held.get();
                return record.isCompleted() ? new Claim.Answered(answer(record)) : new Claim.Pending(record.getRequestLine());
            }
        }
        throw new IllegalStateException("Idempotency key could not be claimed or read in " + ATTEMPTS + " attempts");
    }

    /** Keeps the answer of the request that held the key. */
    public void complete(UUID recordId, byte[] bodySha256, int status, String contentType, String location, byte[] body) {
        records.find(recordId).filter(record -> !record.isCompleted())
                .ifPresent(record -> record.complete(bodySha256, status, contentType, location, body, Instant.now()));
    }

    /** The claims still held by running requests last until {@code until}; answered and released ones are left alone. */
    public void renew(Collection<UUID> recordIds, Instant until) {
        records.extendClaims(recordIds, until);
    }

    /** The request answered something not worth keeping (a failure to retry): the key is free again. */
    public void release(UUID recordId) {
        records.releaseClaim(recordId);
    }

    private static StoredAnswer answer(IdempotencyRecord record) {
        return new StoredAnswer(record.getRequestLine(), record.getBodySha256(), record.getStatus(),
                record.getContentType(), record.getLocation(), record.getBody());
    }

    public static DomainException malformedKey() {
        return DomainException.invalid("invalid_idempotency_key", "Idempotency-Key must be 1-255 printable ASCII characters");
    }

    public static DomainException keyReused() {
        return DomainException.invalid("idempotency_key_reused",
                "This Idempotency-Key was used for a different request; use a new key for a new request");
    }

    /** A duplicate of a request whose answer showed a secret, which is not kept to be shown again. */
    public static DomainException answeredOnce() {
        return DomainException.conflict("idempotency_key_answered",
                "This Idempotency-Key already created what Location names; its answer showed a secret once, which is not kept");
    }

    public static DomainException inProgress() {
        return DomainException.conflict("idempotency_in_progress",
                "A request with this Idempotency-Key is still being processed; retry after the time in Retry-After");
    }
}
