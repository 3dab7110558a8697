package app.arv.persistence.storage;

import app.arv.persistence.Database;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.Repositories;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageConnectionRepositoryTest extends TwoTenantsTest {

    private final StorageConnectionRepository connections = new StorageConnectionRepository();

    private static StorageConnection bucket(Organization org, String name) {
        return StorageConnection.s3(org.getId(), name, "http://127.0.0.1:9000", "us-east-1", "arv", "access", "c2VjcmV0", null);
    }

    private static void storeAsDefault(StorageConnection connection) {
        connection.makeDefault(true);
        Database.persist(connection);
    }

    @Test
    void anOrganizationHasAtMostOneDefaultConnection() {
        storeAsDefault(bucket(acme, "first"));

        StorageConnection second = bucket(acme, "second");
        second.makeDefault(true);
        assertThatThrownBy(() -> Database.inTransaction(em -> {
            em.persist(second);
            em.flush();
        })).isInstanceOf(PersistenceException.class);
    }

    @Test
    void clearingTheDefaultLetsAnotherConnectionBecomeIt() {
        storeAsDefault(bucket(acme, "first"));

        StorageConnection second = bucket(acme, "second");
        Database.inTransaction(em -> {
            Repositories.on(em, connections);
            connections.clearDefault(acme.getId());
            second.makeDefault(true);
            em.persist(second);
        });

        Database.inTransaction(em -> {
            Repositories.on(em, connections);
            assertThat(connections.findDefault(acme.getId())).map(StorageConnection::getName).contains("second");
        });
    }

    @Test
    void anotherOrganizationsConnectionIsNotFound() {
        StorageConnection mine = StorageConnection.local(acme.getId(), "disk", "acme", null);
        Database.persist(mine);

        Database.inTransaction(em -> {
            Repositories.on(em, connections);
            assertThat(connections.find(globex.getId(), mine.getId())).isEmpty();
            assertThat(connections.list(globex.getId())).isEmpty();
            assertThat(connections.find(acme.getId(), mine.getId())).isPresent();
        });
    }
}
