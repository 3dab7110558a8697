package app.arv.persistence;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every foreign key's referencing columns lead some index, so deleting or re-keying a referenced row finds its
 * referencing rows by index: PostgreSQL checks an ON DELETE rule or a RESTRICT with a query on the referencing table,
 * row by row, and without an index each check reads that table end to end (a retired medium's purge scanned
 * ar_content and generation_item six times per deletion). An index whose predicate is its column's IS NOT NULL serves
 * (a key equal to a value is not null); the rows of a few referenced tables are never deleted by row, listed with why.
 */
class ForeignKeyIndexesTest {

    /** Referenced tables whose foreign keys may go without an index, and why: no deletion of theirs needs one. */
    private static final Map<String, String> REFERENCED_WITHOUT_INDEX = Map.of(
            "organization", "never deleted (deactivated instead)",
            "app_user", "never deleted (deactivated instead)",
            "storage_connection", "deleted by an admin, seldom, and only once StorageConnectionRepository#holders found no"
                    + " media, deletion, dead letter or upload naming it (by organization); those queues hold only outstanding work");

    @Test
    void everyForeignKeysReferencingColumnsLeadAnIndex() throws SQLException {
        Database.flyway(Database.dataSource()).migrate();

        assertThat(foreignKeysWithoutIndex()).isEmpty();
    }

    private static List<String> foreignKeysWithoutIndex() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = Database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT c.conrelid::regclass || '('"
                        + " || (SELECT string_agg(a.attname, ', ' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)"
                        + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) || ')'"
                        + " FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace"
                        + " AND NOT c.confrelid::regclass::text = ANY (?)"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid"
                        + " AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey"
                        + " AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey"
                        + " AND (i.indpred IS NULL OR pg_get_expr(i.indpred, i.indrelid) LIKE '%IS NOT NULL)'))"
                        + " ORDER BY 1")) {
            statement.setArray(1, connection.createArrayOf("text", REFERENCED_WITHOUT_INDEX.keySet().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        }
        return keys;
    }
}
