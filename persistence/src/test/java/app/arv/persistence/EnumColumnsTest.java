package app.arv.persistence;

import app.arv.imaging.model3d.TextureQuality;
import app.arv.persistence.audit.ActorKind;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.audit.AuditAction.SubjectType;
import app.arv.persistence.generation.GenerationPriority;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.identity.ApiKeyScope;
import app.arv.persistence.identity.DomainClaimState;
import app.arv.persistence.identity.Language;
import app.arv.persistence.identity.Role;
import app.arv.persistence.mail.MailStatus;
import app.arv.persistence.marker.MarkerStatus;
import app.arv.persistence.marker.OverlayKind;
import app.arv.persistence.media.MediaRole;
import app.arv.persistence.media.OwnerKind;
import app.arv.persistence.notification.NotificationChannel;
import app.arv.persistence.storage.StorageProvider;
import app.arv.persistence.webhook.DeliveryStatus;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every column that holds a Java enum and has a CHECK constraint listing its values accepts exactly the enum's
 * constants as the column stores them: a constant added in Java without a migration would be refused by the database
 * only when first written (a 500 in production), and a value left in the CHECK after a constant went would let rows
 * in that the code cannot read. The columns are found in {@code pg_constraint}, so a new CHECK of that kind must be
 * named here (with its enum, or among the columns that hold no enum) or this test fails.
 */
class EnumColumnsTest {

    /** table.column → the values its enum stores, in the form the column holds them. */
    private static final Map<String, Set<String>> ENUM_COLUMNS = Map.ofEntries(
            entry("api_key.scope", names(ApiKeyScope.class)),
            entry("app_user.locale", stored(Language.class, Language::tag)),
            entry("app_user.role", names(Role.class)),
            entry("ar_content.marker_status", names(MarkerStatus.class)),
            entry("ar_content.overlay_kind", names(OverlayKind.class)),
            entry("audit_event.action", stored(AuditAction.class, AuditAction::wireName)),
            entry("audit_event.actor_kind", names(ActorKind.class)),
            entry("audit_event.subject_type", stored(SubjectType.class, SubjectType::wireName)),
            entry("generation_item.status", names(GenerationStatus.class)),
            entry("generation_job.priority", names(GenerationPriority.class)),
            entry("generation_job.status", names(GenerationStatus.class)),
            entry("generation_job.texture", stored(TextureQuality.class, TextureQuality::apiName)),
            entry("invitation.locale", stored(Language.class, Language::tag)),
            entry("invitation.role", names(Role.class)),
            entry("mail_outbox.status", names(MailStatus.class)),
            entry("media_attachment.entity_kind", names(OwnerKind.class)),
            entry("media_attachment.role", names(MediaRole.class)),
            entry("notification_preference.channel", names(NotificationChannel.class)),
            entry("pending_signup.locale", stored(Language.class, Language::tag)),
            entry("organization_sso_domain.state", stored(DomainClaimState.class, s -> s.name().toLowerCase(Locale.ROOT))),
            entry("storage_connection.provider", names(StorageProvider.class)),
            entry("webhook_delivery.status", names(DeliveryStatus.class)));

    /** Columns with a CHECK of listed values that hold no Java enum, and what they hold instead. */
    private static final Map<String, String> NOT_ENUMS = Map.of();

    private static final Pattern LISTED_VALUE = Pattern.compile("'((?:[^']|'')*)'::");

    @Test
    void everyEnumColumnAcceptsExactlyItsEnumsValues() throws SQLException {
        Database.flyway(Database.dataSource()).migrate();
        Map<String, Set<String>> checked = listedValueChecks();

        assertThat(checked.keySet()).as("columns with a CHECK of listed values, each named here")
                .containsExactlyInAnyOrderElementsOf(union(ENUM_COLUMNS.keySet(), NOT_ENUMS.keySet()));
        ENUM_COLUMNS.forEach((column, values) -> assertThat(checked.get(column)).as("the values the CHECK of %s allows", column)
                .containsExactlyInAnyOrderElementsOf(values));
    }

    private static <E extends Enum<E>> Set<String> names(Class<E> type) {
        return stored(type, Enum::name);
    }

    private static <E extends Enum<E>> Set<String> stored(Class<E> type, Function<E, String> column) {
        return Arrays.stream(type.getEnumConstants()).map(column).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Every single-column CHECK of the form {@code column IN (...)} (PostgreSQL keeps it as {@code = ANY (ARRAY[...])}). */
    private static Map<String, Set<String>> listedValueChecks() throws SQLException {
        Map<String, Set<String>> checks = new TreeMap<>();
        try (Connection connection = Database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT c.conrelid::regclass::text || '.' || a.attname,"
                        + " pg_get_constraintdef(c.oid) FROM pg_constraint c"
                        + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
                        + " WHERE c.contype = 'c' AND c.connamespace = 'public'::regnamespace AND cardinality(c.conkey) = 1"
                        + " AND pg_get_constraintdef(c.oid) LIKE '%= ANY (%ARRAY[%'");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Set<String> values = new TreeSet<>();
                Matcher listed = LISTED_VALUE.matcher(rows.getString(2));
                while (listed.find()) {
                    values.add(listed.group(1).replace("''", "'"));
                }
                checks.put(rows.getString(1), values);
            }
        }
        return checks;
    }
}
