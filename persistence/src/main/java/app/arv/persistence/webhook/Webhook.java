package app.arv.persistence.webhook;

import app.arv.persistence.shared.AuditedEntity;
import app.arv.persistence.shared.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An endpoint of an organization that ARV posts events to, signed with its secret. The secret is kept encrypted (the
 * caller encrypts, this row never sees it in the clear); after a rotation the previous one stays valid until
 * {@code previousSecretUntil}. A webhook whose deliveries keep dying is switched off with the reason; switching it on
 * again starts the count afresh.
 */
@Entity
@Table(name = "webhook")
public class Webhook extends TenantEntity {

    @Column(nullable = false, length = 2048)
    private String url;

    @Column(length = 500)
    private String description;

    @Column(name = "all_events", nullable = false)
    private boolean allEvents;

    /** Comma-separated wire names ({@code marker.failed,api_key.created}); ignored while {@code allEvents}. */
    @Column(nullable = false, length = 1000)
    private String events;

    @Column(name = "secret_ciphertext", nullable = false, length = 400)
    private String secretCiphertext;

    @Column(name = "secret_hint", nullable = false, length = 8)
    private String secretHint;

    @Column(name = "previous_secret_ciphertext", length = 400)
    private String previousSecretCiphertext;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "disabled_reason", length = 500)
    private String disabledReason;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "consecutive_dead", nullable = false)
    private int consecutiveDead;

    @Column(name = "last_delivered_at")
    private Instant lastDeliveredAt;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    protected Webhook() {
    }

    /**
     * @param id     chosen by the caller, who seals the secret for this row
     * @param events wire names; empty together with {@code allEvents}
     */
    public Webhook(UUID id, UUID organizationId, String url, String description, boolean allEvents, Set<String> events,
            String secretCiphertext, String secretHint, boolean enabled, UUID createdBy) {
        super(id, organizationId);
        this.url = Objects.requireNonNull(url);
        this.description = description;
        subscribe(allEvents, events);
        this.secretCiphertext = Objects.requireNonNull(secretCiphertext);
        this.secretHint = Objects.requireNonNull(secretHint);
        this.enabled = enabled;
        this.createdBy = createdBy;
    }

    public boolean subscribesTo(String wireName) {
        return allEvents || getEvents().contains(wireName);
    }

    public void moveTo(String newUrl) {
        url = Objects.requireNonNull(newUrl);
    }

    public void describe(String newDescription) {
        description = newDescription;
    }

    public void subscribe(boolean all, Set<String> wireNames) {
        allEvents = all;
        events = all ? "" : String.join(",", wireNames);
    }

    /** Switched on by a person: the dead deliveries before count no more. */
    public void enable() {
        enabled = true;
        disabledReason = null;
        disabledAt = null;
        consecutiveDead = 0;
    }

    public void disable(String reason, Instant at) {
        if (enabled) {
            enabled = false;
            disabledReason = reason;
            disabledAt = AuditedEntity.stored(at);
        }
    }

    /**
     * A new secret; the one it replaces keeps signing until {@code previousUntil} (null or past: it stops at once).
     */
    public void rotateSecret(String newCiphertext, String newHint, Instant previousUntil) {
        previousSecretCiphertext = previousUntil == null ? null : secretCiphertext;
        previousSecretUntil = AuditedEntity.stored(previousUntil);
        secretCiphertext = Objects.requireNonNull(newCiphertext);
        secretHint = Objects.requireNonNull(newHint);
    }

    /** The same current secret sealed anew (its hint stays). */
    public void resealSecret(String ciphertext) {
        secretCiphertext = Objects.requireNonNull(ciphertext);
    }

    /** The same previous secret sealed anew (it signs as long as before). */
    public void resealPreviousSecret(String ciphertext) {
        previousSecretCiphertext = Objects.requireNonNull(ciphertext);
    }

    /** The previous secret while it is still valid at {@code now}. */
    public String previousSecretCiphertextAt(Instant now) {
        return previousSecretUntil != null && now.isBefore(previousSecretUntil) ? previousSecretCiphertext : null;
    }

    public void recordDelivered(Instant at) {
        consecutiveDead = 0;
        lastDeliveredAt = AuditedEntity.stored(at);
    }

    /** One more delivery died; how many have in a row since the last delivered one. */
    public int recordDead() {
        return ++consecutiveDead;
    }

    /**
     * The URL as others may read it — in mails, notifications, other webhooks' payloads: its scheme, host and port, with
     * "/…" for a path or query, which may carry the receiver's token (Slack's and Teams' hooks do). Whoever manages
     * webhooks reads the whole URL.
     */
    public String shownUrl() {
        try {
            URI uri = new URI(url);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
            return uri.getScheme() + "://" + uri.getRawAuthority() + (bare ? "/" : "/…");
        } catch (URISyntaxException e) {
            return "(not a URL)";
        }
    }

    public String getUrl() { return url; }

    public String getDescription() { return description; }

    public boolean isAllEvents() { return allEvents; }

    /** The subscribed wire names, in the order given (empty while {@link #isAllEvents}). */
    public Set<String> getEvents() {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(events.split(",")).filter(name -> !name.isEmpty()).forEach(names::add);
        return names;
    }

    public String getSecretCiphertext() { return secretCiphertext; }

    public String getSecretHint() { return secretHint; }

    public Instant getPreviousSecretUntil() { return previousSecretUntil; }

    public boolean isEnabled() { return enabled; }

    public String getDisabledReason() { return disabledReason; }

    public Instant getDisabledAt() { return disabledAt; }

    public int getConsecutiveDead() { return consecutiveDead; }

    public Instant getLastDeliveredAt() { return lastDeliveredAt; }

    public UUID getCreatedBy() { return createdBy; }
}
