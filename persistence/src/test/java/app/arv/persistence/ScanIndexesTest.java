package app.arv.persistence;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timers' and storage checks' scans can use an index (issue 10: they read whole tables). The
 * planner is told to avoid sequential scans, so the plan names the index exactly when one fits the
 * query — on a small test database it would otherwise rightly prefer reading the table.
 */
class ScanIndexesTest {

    @Test
    void theRetentionTimerFindsFinishedJobsByIndex() throws SQLException {
        assertThat(plan("SELECT id FROM generation_job WHERE finished_at < now() ORDER BY finished_at"))
                .contains("generation_job_finished");
    }

    @Test
    void theOrphanScanFindsExpiredUploadsByIndex() throws SQLException {
        assertThat(plan("SELECT id FROM media_upload WHERE expires_at < now()"
                + " AND (removal_retry_at IS NULL OR removal_retry_at < now()) ORDER BY removal_attempts, expires_at"))
                .contains("media_upload_expires");
    }

    @Test
    void aStorageConnectionsMediaAreFoundByIndex() throws SQLException {
        assertThat(plan("SELECT count(*) FROM media_resource WHERE storage_connection_id = gen_random_uuid()"))
                .contains("media_resource_storage_connection");
    }

    @Test
    void theDashboardSumsAnOrganizationsRecentViewsByIndex() throws SQLException {
        assertThat(plan("SELECT day, SUM(views) FROM ar_content_daily_views WHERE organization_id = gen_random_uuid()"
                + " AND day >= current_date - 29 GROUP BY day")).contains("ar_content_daily_views_organization");
    }

    @Test
    void theExpiryTimerFindsContentByExpiryDateByIndex() throws SQLException {
        assertThat(plan("SELECT id FROM ar_content WHERE expires_at > now() AND expires_at <= now() + interval '7 days'"
                + " ORDER BY expires_at")).contains("ar_content_expires");
    }

    @Test
    void theNotificationRetentionFindsReadNotificationsByIndex() throws SQLException {
        assertThat(plan("SELECT id FROM notification WHERE read_at < now()")).contains("notification_read");
    }

    @Test
    void theNotificationRetentionFindsLapsedOccurrenceMarksByIndex() throws SQLException {
        assertThat(plan("SELECT organization_id, mark FROM occurrence_mark WHERE lapses_at < now() LIMIT 1000"))
                .contains("occurrence_mark_lapses");
    }

    @Test
    void aPersonsUnreadNotificationsAreCountedByIndex() throws SQLException {
        assertThat(plan("SELECT count(*) FROM notification WHERE user_id = gen_random_uuid() AND read_at IS NULL"))
                .contains("notification_unread");
    }

    @Test
    void theMailClaimFindsDueMailsByIndexWhateverTheTableHoldsBesides() throws SQLException {
        // MailOutboxRepository#claim's look-up of due mails.
        assertThat(plan("SELECT id FROM mail_outbox WHERE status = 'QUEUED' AND next_attempt_at <= now()"
                + " ORDER BY next_attempt_at LIMIT 10 FOR UPDATE SKIP LOCKED")).contains("mail_outbox_due");
    }

    @Test
    void theWebhookClaimTakesEachSwitchedOnWebhooksLongestDueDeliveriesByIndex() throws SQLException {
        // WebhookDeliveryRepository#claim's candidates: a bounded look-up per webhook, never a disabled webhook's backlog.
        assertThat(plan("SELECT c.id FROM organization o JOIN webhook w ON w.organization_id = o.id CROSS JOIN LATERAL"
                + " (SELECT d.id FROM webhook_delivery d WHERE d.webhook_id = w.id AND d.status = 'PENDING'"
                + " AND d.next_attempt_at <= now() ORDER BY d.next_attempt_at, d.id LIMIT 10) c WHERE o.active AND w.enabled"))
                .contains("webhook_delivery_webhook_due");
    }

    @Test
    void theWebhookClaimFindsTheManualDeliveriesOfSwitchedOffWebhooksByIndex() throws SQLException {
        assertThat(plan("SELECT d.id FROM webhook_delivery d WHERE d.status = 'PENDING' AND d.manual"
                + " AND d.next_attempt_at <= now()")).contains("webhook_delivery_manual_due");
    }

    @Test
    void theDashboardCountsAnOrganizationsFinishedItemsByIndex() throws SQLException {
        assertThat(plan("SELECT CAST(date_trunc('day', finished_at AT TIME ZONE 'UTC') AS date) AS day, COUNT(*)"
                + " FROM generation_item WHERE organization_id = '" + UUID.randomUUID() + "'"
                + " AND finished_at >= now() - interval '30 days' GROUP BY day"))
                .contains("generation_item_organization_finished");
    }

    @Test
    void aCompileJobsClaimedContentIsFoundByIndex() throws SQLException {
        assertThat(plan("SELECT id FROM ar_content WHERE organization_id = '" + UUID.randomUUID() + "'"
                + " AND marker_job_instance = 42 ORDER BY id")).contains("ar_content_marker_job");
    }

    @Test
    void aSearchOfContentTitlesFindsTheMatchingOnesByIndex() throws SQLException {
        assertThat(plan("SELECT id FROM ar_content WHERE LOWER(title) LIKE '%wedding%' ESCAPE '\\'"))
                .contains("ar_content_title_search");
    }

    private static String plan(String query) throws SQLException {
        Database.flyway(Database.dataSource()).migrate();
        try (Connection connection = Database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + query)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
