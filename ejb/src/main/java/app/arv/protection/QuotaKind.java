package app.arv.protection;

import app.arv.shared.WireName;

/**
 * The kinds of quota, each with the name problems ({@code quota}), {@code GET /usage}, the audit log and the
 * {@code quota.warning}/{@code quota.reached} occurrences call it: its wire name ({@link WireName}: {@code stored_bytes}).
 */
public enum QuotaKind {

    /** Bytes the organization stores, counted when content is stored. */
    STORED_BYTES,
    /** Generation items a calendar month (UTC). */
    GENERATIONS_PER_MONTH,
    /** Whether the organization may use the paid {@code fal} provider at all. */
    FAL_ALLOWED,
    /** Items a calendar month (UTC) the paid {@code fal} provider makes. */
    FAL_ITEMS_PER_MONTH;

    /** The quota's name on the wire, e.g. {@code stored_bytes}. */
    public String wireName() {
        return WireName.of(this);
    }
}
