package app.arv.web.media;

import app.arv.persistence.media.MediaResource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class StoredObjectTest {

    /** What an organization's own S3 endpoint can send: bytes without end. */
    private static final class Endless extends InputStream {
        @Override
        public int read() {
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            return length;
        }
    }

    @Test
    void sendsTheBytesTheAnswerPromised() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        StoredObject.sendExactly(new ByteArrayInputStream(new byte[20_000]), sent, 20_000);

        assertThat(sent.size()).isEqualTo(20_000);
    }

    @Test
    void aStoreSendingWithoutEndIsCutAtThePromisedLength() {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> StoredObject.sendExactly(new Endless(), sent, 1000))
                .isInstanceOf(IOException.class).hasMessageContaining("more than the 1000 bytes"));
        assertThat(sent.size()).isEqualTo(1000);
    }

    @Test
    void aStoreEndingShortFailsTheAnswer() {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        assertThatThrownBy(() -> StoredObject.sendExactly(new ByteArrayInputStream(new byte[10]), sent, 1000))
                .isInstanceOf(IOException.class).hasMessageContaining("990 bytes short");
    }

    @Test
    void aDownloadKeepsItsCyrillicNameBesideTheAsciiFallback() {
        MediaResource model = new MediaResource(UUID.randomUUID(), UUID.randomUUID(), "0".repeat(64), 1000, "model/gltf-binary",
                "Модель 1.glb", null, null, null, "models/1.glb");

        String disposition = StoredObject.of(model, null).attachment(model.getOriginalName()).disposition();

        assertThat(disposition).isEqualTo("attachment; filename=\"______ 1.glb\"; filename*=UTF-8''"
                + "%D0%9C%D0%BE%D0%B4%D0%B5%D0%BB%D1%8C%201.glb");
    }
}
