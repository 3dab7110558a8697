package app.arv.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path root;

    @Override
    ObjectStore store() {
        return new LocalObjectStore(root);
    }

    @Test
    void anObjectIsAFileBelowTheRootAndNoTemporaryFileRemains() {
        store().put(prefix + "media/f", new ByteArrayInputStream(new byte[]{9, 9}), 2, "application/octet-stream");

        assertThat(root.resolve(prefix + "media/f")).hasBinaryContent(new byte[]{9, 9});
        assertThat(root.resolve(LocalObjectStore.TEMP_DIR)).isEmptyDirectory();
    }

    @Test
    void aShortStreamIsRefusedWhenTheSizeWasDeclared() {
        assertThatThrownBy(() -> store().put(prefix + "media/short", new ByteArrayInputStream(new byte[3]), 4, "text/plain"))
                .isInstanceOf(StorageFailure.class);

        assertThat(Files.exists(root.resolve(prefix + "media/short"))).isFalse();
    }

    @Test
    void aDiskThatRefusesAWriteIsNamedByKeyNeverByThePathsOfTheServer() throws Exception {
        Path blocked = root.resolve("not-a-directory");
        Files.writeString(blocked, "a file where the store's root should be");
        Path spooled = Files.writeString(root.resolve("spooled.tmp"), "upload");
        ObjectStore store = new LocalObjectStore(blocked);

        assertThatThrownBy(() -> store.put("org/media/a", new ByteArrayInputStream(new byte[]{1}), 1, "text/plain"))
                .isInstanceOf(StorageFailure.class).hasMessageContaining("org/media/a").hasMessageNotContaining(root.toString());
        assertThatThrownBy(() -> store.putFile("org/media/b", spooled, "text/plain"))
                .isInstanceOf(StorageFailure.class).hasMessageContaining("org/media/b").hasMessageNotContaining(root.toString());
    }

    @Test
    void localStoresCannotPresign() {
        assertThat(store().presigns()).isFalse();
    }
}
