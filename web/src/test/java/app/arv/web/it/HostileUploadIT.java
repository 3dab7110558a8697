package app.arv.web.it;

import app.arv.media.TestImages;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Bad and hostile uploads are refused in the problem format, naming the file, and leave nothing
 * stored: after every test the library is empty and the store holds no object.
 */
@ExtendWith(ArvServer.class)
class HostileUploadIT {

    private static Api.Tenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = Api.newTenant();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(MediaApi.libraryTotal(tenant.memberToken())).isZero();
        assertThat(MediaApi.storedObjects(tenant.adminToken())).isZero();
        assertThat(MediaApi.filesOnDisk(tenant.organizationId())).isZero();
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }

    @Test
    void textBehindAPngNameIsRefused() {
        byte[] text = "#!/bin/sh\necho not an image\n".getBytes(StandardCharsets.US_ASCII);

        refused(MediaApi.upload(tenant.memberToken(), "innocent.png", text), 422, "unsupported_file_type")
                .body("detail", containsString("innocent.png"));
    }

    @Test
    void aPngDeclaringFiftyThousandSquaredPixelsIsRefused() {
        refused(MediaApi.upload(tenant.memberToken(), "huge.png", TestImages.pngDeclaring(50_000, 50_000)), 422, "image_too_large")
                .body("detail", containsString("huge.png"));
    }

    @Test
    void aTruncatedJpegIsRefused() {
        refused(MediaApi.upload(tenant.memberToken(), "half.jpg", HostileFiles.truncatedJpeg()), 422, "image_corrupt")
                .body("detail", containsString("half.jpg"));
    }

    @Test
    void anEmptyFileIsRefused() {
        refused(MediaApi.upload(tenant.memberToken(), "empty.jpg", new byte[0]), 422, "empty_file");
    }

    @Test
    void aZipBombRenamedJpgIsRefused() {
        refused(MediaApi.upload(tenant.memberToken(), "photo.jpg", TestImages.zipBomb(256 << 20)), 422, "unsupported_file_type")
                .body("detail", containsString("application/zip"));
    }

    @Test
    void anElevenMegabyteFileIsRefused() {
        refused(MediaApi.upload(tenant.memberToken(), "big.jpg", HostileFiles.jpegOfSize(11 << 20)), 413, "file_too_large")
                .body("detail", containsString("big.jpg"));
    }

    @Test
    void twentySixFilesAreRefused() {
        RequestSpecification request = MediaApi.as(tenant.memberToken());
        byte[] coins = MediaApi.image("coins.png");
        for (int i = 0; i < 26; i++) {
            request.multiPart("files", "coins-" + i + ".png", coins, "image/png");
        }

        refused(request.post("/media").then(), 413, "too_many_files");
    }

    @Test
    void twentySixMediaIdsAreRefusedByTheSameRuleAsTwentySixFiles() {
        List<String> ids = Stream.generate(() -> UUID.randomUUID().toString()).limit(26).toList();

        refused(Api.bearer(tenant.memberToken()).body(Map.of("media_ids", ids)).post("/generations").then(), 413, "too_many_files")
                .body("limit.name", equalTo("max_files")).body("limit.value", equalTo(25));
    }

    @Test
    void oneBadFileRefusesTheWholeRequest() {
        refused(MediaApi.as(tenant.memberToken())
                .multiPart("files", "rocket.jpg", MediaApi.image("rocket.jpg"), "image/jpeg")
                .multiPart("files", "half.jpg", HostileFiles.truncatedJpeg(), "image/jpeg")
                .post("/media").then(), 422, "image_corrupt")
                .body("detail", containsString("half.jpg"));
    }

    @Test
    void aRequestWithoutFilesIsRefused() {
        refused(MediaApi.as(tenant.memberToken()).multiPart("note", "hello").post("/media").then(), 422, "no_files");
    }
}
