package app.arv.protection;

/**
 * The kinds of quota, each with the name problems ({@code quota}), {@code GET /usage}, the audit log and the
 * {@code quota.warning}/{@code quota.reached} occurrences call it.
 */
public enum QuotaKind {

    /** Bytes the organization stores, counted when content is stored. */
    STORED_BYTES("stored_bytes"),
    /** Generation items a calendar month (UTC). */
    GENERATIONS_PER_MONTH("generations_per_month"),
    /** Whether the organization may use the paid {@code fal} provider at all. */
    FAL_ALLOWED("fal_allowed"),
    /** Items a calendar month (UTC) the paid {@code fal} provider makes. */
    FAL_ITEMS_PER_MONTH("fal_items_per_month");

    private final String wireName;

    QuotaKind(String wireName) {
        this.wireName = wireName;
    }

    /** The quota's name on the wire, e.g. {@code stored_bytes}. */
    public String wireName() {
        return wireName;
    }
}
