package app.arv.persistence;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every column an entity maps has the length the entity says ({@code @Column(length = …)}, Hibernate's 255 where none is
 * given) in the schema Flyway makes: a {@code varchar}/{@code char} column's length is the entity's, and a column
 * without one ({@code text}, {@code jsonb}) is mapped with no length of its own. Hibernate's own check
 * ({@code hbm2ddl=validate}) compares types, not lengths, so an entity allowing more than its column holds passes
 * it and fails only when such a value is first written (a 500), and a length kept in a constant that request checks and
 * clipping read ({@code AuditEvent.MAX_LABEL}, {@code StorageConnection.MAX_DIRECTORY}) is only the column's if it is
 * the column's. The lengths are read as Hibernate maps them (columns of embeddables and superclasses included), the
 * schema from {@code information_schema} after the migrations.
 */
class ColumnLengthsTest {

    /** What Hibernate maps a column with no length given to; a column without a length may only have this one. */
    private static final long UNSTATED = 255;

    @Test
    void everyMappedColumnHasTheLengthItsEntitySays() throws SQLException {
        SessionFactoryImplementor hibernate = Database.entityManagerFactory().unwrap(SessionFactoryImplementor.class);
        Map<String, Integer> schema = schemaLengths();
        List<String> compared = new ArrayList<>();
        List<String> disagreeing = new ArrayList<>();

        hibernate.getMappingMetamodel().forEachEntityDescriptor(entity -> entity.forEachSelectable((index, column) -> {
            String name = column.getContainingTableExpression() + "." + column.getSelectionExpression();
            if (column.isFormula() || !schema.containsKey(name)) {
                return;
            }
            Integer length = schema.get(name);
            Long mapped = column.getLength();
            if (length != null) {
                compared.add(name);
            }
            if (length != null ? !Objects.equals(mapped, length.longValue()) : mapped != null && mapped != UNSTATED) {
                disagreeing.add(describe(entity, column, mapped, length));
            }
        }));

        assertThat(compared).as("the columns with a length that entities map").hasSizeGreaterThan(90)
                .contains("app_user.email", "audit_event.actor_label", "storage_connection.directory");
        assertThat(disagreeing).as("columns whose entity says another length than the schema's").isEmpty();
    }

    private static String describe(EntityPersister entity, SelectableMapping column, Long mapped, Integer length) {
        return column.getContainingTableExpression() + "." + column.getSelectionExpression() + " (" + entity.getEntityName() + "): "
                + (mapped == null || mapped == UNSTATED ? "no length given" : "length " + mapped) + ", the schema's "
                + (length == null ? "none" : length);
    }

    /** table.column → its character length, or {@code null} for a column without one, over the migrated schema. */
    private static Map<String, Integer> schemaLengths() throws SQLException {
        Map<String, Integer> lengths = new TreeMap<>();
        try (Connection connection = Database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT table_name || '.' || column_name,"
                        + " character_maximum_length FROM information_schema.columns WHERE table_schema = 'public'");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                lengths.put(rows.getString(1), (Integer) rows.getObject(2));
            }
        }
        return lengths;
    }
}
