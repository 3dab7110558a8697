package app.arv.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3ObjectStoreTest extends ObjectStoreContract {

    @TempDir
    static Path directory;
    private static S3ProxyServer server;
    private static S3ObjectStore store;

    @BeforeAll
    static void startS3() throws Exception {
        server = new S3ProxyServer(directory.resolve("s3"));
        server.createBucket("arv-contract");
        store = new S3ObjectStore(server.endpoint(), "us-east-1", "arv-contract", S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
    }

    @AfterAll
    static void stopS3() throws Exception {
        server.close();
    }

    @Override
    ObjectStore store() {
        return store;
    }

    @Test
    void aPresignedPutLetsAClientUploadWithoutCredentials() throws Exception {
        var url = store.presignedPut(prefix + "media/direct", Duration.ofMinutes(5));

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[]{4, 2})).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(store.stat(prefix + "media/direct")).get().extracting(ObjectInfo::size).isEqualTo(2L);
    }

    @Test
    void aPresignedGetServesTheObject() throws Exception {
        store.put(prefix + "media/shared", new ByteArrayInputStream(new byte[]{1, 2, 3}), 3, "application/octet-stream");

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(store.presignedGet(prefix + "media/shared",
                Duration.ofMinutes(1))).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.body()).containsExactly(1, 2, 3);
    }

    @Test
    void wrongCredentialsFailAsAStorageFailure() {
        S3ObjectStore intruder = new S3ObjectStore(server.endpoint(), "us-east-1", "arv-contract", S3ProxyServer.ACCESS_KEY, "wrong");

        assertThatThrownBy(() -> intruder.put(prefix + "media/no", new ByteArrayInputStream(new byte[1]), 1, "text/plain"))
                .isInstanceOf(StorageFailure.class);
    }
}
