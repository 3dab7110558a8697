package app.arv.persistence.shared;

/**
 * The rounds that every node schedules but one node at a time runs (retention passes, clean-ups, scans), and the
 * startup work that nodes starting at once do one after the other: each has a
 * PostgreSQL advisory lock key of its own, all of them here so that two rounds cannot share one by accident. A round
 * holds its lock for the length of its transaction ({@link ClusterLocks#tryHold}). The keys are ASCII names read as
 * numbers, and never change: nodes of two versions of ARV, side by side during an upgrade, must agree on them.
 */
public enum ClusterLock {

    /** Deleting old audit events ("arvaudit"). */
    AUDIT_RETENTION(0x6172766175646974L),
    /** Deleting finished generation jobs past their retention ("arvgenrt"). */
    GENERATION_RETENTION(0x61727667656e7274L),
    /** Deleting read notifications past their retention ("arvnotif"). */
    NOTIFICATION_RETENTION(0x6172766e6f746966L),
    /** Deleting sent and dead mails ("arvmailr"). */
    MAIL_RETENTION(0x6172766d61696c72L),
    /** Deleting settled webhook deliveries ("arvwhret"). */
    WEBHOOK_RETENTION(0x6172767768726574L),
    /** Deleting expired invitation and sign-up links ("arvlinkc"). */
    LINK_CLEANUP(0x6172766c696e6b63L),
    /** Deleting ended sessions ("arvsesss"). */
    SESSION_CLEANUP(0x6172767365737373L),
    /** Announcing AR content that expires soon or has expired ("arvexpir"). */
    CONTENT_EXPIRY(0x6172766578706972L),
    /** Deleting expired idempotency records ("arvidemp"). */
    IDEMPOTENCY_EXPIRY(0x6172766964656d70L),
    /** Looking for media nothing uses ("ARV_ORPH"). */
    ORPHAN_SCAN(0x4152565f4f525048L),
    /** Creating the first platform admin when a node starts ("arvboots"): waited for, see {@link ClusterLocks#hold}. */
    PLATFORM_ADMIN_BOOTSTRAP(0x617276626f6f7473L),
    /** Re-sealing secrets sealed by an older release when a node starts ("arvseals"): waited for. */
    SECRET_RESEALING(0x6172767365616c73L);

    private final long key;

    ClusterLock(long key) {
        this.key = key;
    }

    /** The advisory lock key. */
    public long key() {
        return key;
    }
}
