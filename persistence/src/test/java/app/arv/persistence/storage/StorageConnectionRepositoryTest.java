package app.arv.persistence.storage;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.media.MediaDeletion;
import app.arv.persistence.media.MediaDeletionRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.Repositories;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

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

    @Test
    void aDeletedFileWhoseObjectDeletionIsDoneNoLongerKeepsItsConnectionInUse() {
        StorageConnection disk = StorageConnection.local(acme.getId(), "disk", "acme", null);
        Database.persist(disk);
        MediaResource deleted = storedThrough(disk);
        deleted.markDeleted(Instant.now());
        Database.persist(deleted);

        assertThat(inUse(disk)).isFalse();
    }

    @Test
    void aDeletionParkedAsADeadLetterKeepsItsConnectionInUse() {
        StorageConnection disk = StorageConnection.local(acme.getId(), "disk", "acme", null);
        Database.persist(disk);
        MediaResource deleted = storedThrough(disk);
        deleted.markDeleted(Instant.now());
        MediaDeletion deletion = new MediaDeletion(deleted, Instant.now());
        deletion.failed("access denied", Instant.now());
        Database.persist(deleted, deletion);
        Database.inTransaction(em -> {
            MediaDeletionRepository deletions = new MediaDeletionRepository();
            Repositories.on(em, deletions);
            deletions.park(deletions.lockDueAcrossOrganizations(deletion.getId(), Instant.now()).orElseThrow(), Instant.now(), Instant.now());
        });

        assertThat(inUse(disk)).isTrue();
    }

    @Test
    void aLiveFileKeepsItsConnectionInUse() {
        StorageConnection disk = StorageConnection.local(acme.getId(), "disk", "acme", null);
        Database.persist(disk);
        Database.persist(storedThrough(disk));

        assertThat(inUse(disk)).isTrue();
    }

    private static MediaResource storedThrough(StorageConnection connection) {
        UUID id = UUID.randomUUID();
        return new MediaResource(id, connection.getOrganizationId(), TestData.randomSha256(), 1000, "image/png", "anna.png", 640,
                480, connection.getId(), "orgs/" + connection.getOrganizationId() + "/media/" + id);
    }

    private boolean inUse(StorageConnection connection) {
        AtomicBoolean used = new AtomicBoolean();
        Database.inTransaction(em -> {
            Repositories.on(em, connections);
            used.set(connections.holders(connection.getOrganizationId(), connection.getId()).any());
        });
        return used.get();
    }
}
