package app.arv.web.it;

import app.arv.printkit.KitLanguage;
import app.arv.printkit.QrReading;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Print kits and QR codes over HTTP: real portraits in, PDFs whose pages scan to the right viewer links out. */
@ExtendWith(ArvServer.class)
class PrintKitIT {

    private static final Offset<Float> HALF_A_POINT = Offset.offset(0.5f);
    private static final float A5_WIDTH = 148 * 72 / 25.4f;
    private static final float A5_HEIGHT = 210 * 72 / 25.4f;
    private static final float SIX_MM = 6 * 72 / 25.4f;

    private static Api.Tenant tenant;
    private static String project;
    private static final List<String> contents = new ArrayList<>();
    private static final List<String> viewerUrls = new ArrayList<>();

    @BeforeAll
    static void aProjectWithThreePortraits() {
        tenant = Api.newTenant();
        project = MarkerApi.newProject(tenant.memberToken());
        for (String portrait : List.of("chelsea.png", "horse.png", "rocket.jpg")) {
            String id = MarkerApi.createOne(tenant.memberToken(), project, portrait, MediaApi.image(portrait));
            contents.add(id);
            viewerUrls.add(ArvServer.baseUrl() + MediaApi.as(tenant.memberToken()).get("/ar-content/" + id).then().statusCode(200)
                    .extract().path("viewer_url"));
        }
    }

    @Test
    void aProjectKitHasAPagePerArContentWhoseQrCodeScansToItsViewerUrl() throws IOException {
        byte[] pdf = get("/projects/" + project + "/print-kit.pdf?size=A5");

        assertThat(pages(pdf)).isEqualTo(3);
        assertThat(QrReading.decodePages(pdf)).containsExactlyElementsOf(viewerUrls);
    }

    @Test
    void everyPageOfAnA5KitIsA5() throws IOException {
        byte[] pdf = get("/projects/" + project + "/print-kit.pdf?size=A5");

        for (PDRectangle page : mediaBoxes(pdf)) {
            assertThat(page.getWidth()).isCloseTo(A5_WIDTH, HALF_A_POINT);
            assertThat(page.getHeight()).isCloseTo(A5_HEIGHT, HALF_A_POINT);
        }
    }

    @Test
    void bleedEnlargesThePageBySixMillimetres() throws IOException {
        byte[] pdf = get("/ar-content/" + contents.get(0) + "/print-kit.pdf?size=a5&bleed=true");

        PDRectangle page = mediaBoxes(pdf).get(0);
        assertThat(page.getWidth()).isCloseTo(A5_WIDTH + SIX_MM, HALF_A_POINT);
        assertThat(page.getHeight()).isCloseTo(A5_HEIGHT + SIX_MM, HALF_A_POINT);
    }

    @Test
    void oneArContentsKitIsOnePageScanningToItsViewerUrl() throws IOException {
        byte[] pdf = get("/ar-content/" + contents.get(1) + "/print-kit.pdf?size=10x15");

        assertThat(QrReading.decodePages(pdf)).containsExactly(viewerUrls.get(1));
    }

    @Test
    void aKitIsSavedUnderItsNameAsFilenameStarBesideTheAsciiFallback() {
        String content = contents.get(0);

        MediaApi.as(tenant.memberToken()).get("/ar-content/" + content + "/print-kit.pdf").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"print-kit-" + content + ".pdf\"; filename*=UTF-8''print-kit-"
                        + content + ".pdf"));
        MediaApi.as(tenant.memberToken()).get("/projects/" + project + "/print-kit.pdf").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"project-" + project + "-print-kit.pdf\"; "
                        + "filename*=UTF-8''project-" + project + "-print-kit.pdf"));
    }

    @Test
    void theInstructionIsInTheLanguageTheClientAccepts() throws IOException {
        byte[] pdf = MediaApi.as(tenant.memberToken()).header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5")
                .get("/ar-content/" + contents.get(0) + "/print-kit.pdf?size=A6").then().statusCode(200)
                .header("Content-Language", "ru").extract().asByteArray();

        assertThat(text(pdf)).contains(KitLanguage.RU.instruction());
    }

    @Test
    void theSvgQrCodeIsAnSvgDocument() throws Exception {
        byte[] svg = MediaApi.as(tenant.memberToken()).get("/ar-content/" + contents.get(2) + "/qr.svg").then().statusCode(200)
                .contentType("image/svg+xml").extract().asByteArray();

        Element root = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg))
                .getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength()).isEqualTo(1);
    }

    @Test
    void thePngQrCodeHasTheAskedSizeAndScansToTheViewerUrl() throws IOException {
        byte[] png = MediaApi.as(tenant.memberToken()).get("/ar-content/" + contents.get(2) + "/qr.png?size=400").then()
                .statusCode(200).contentType("image/png").extract().asByteArray();

        var image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(QrReading.decode(image)).isEqualTo(viewerUrls.get(2));
    }

    @Test
    void anUnknownSizeIsRefusedWith400InTheProblemFormat() {
        MediaApi.as(tenant.memberToken()).get("/projects/" + project + "/print-kit.pdf?size=B5").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void aPngSizeOutsideItsBoundsIsRefusedWith400() {
        MediaApi.as(tenant.memberToken()).get("/ar-content/" + contents.get(0) + "/qr.png?size=100000").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }

    @Test
    void aPngSizeThatIsNoWholeNumberOrPastTheIntRangeIsRefusedWith400NotNotFound() {
        for (String size : List.of("abc", "99999999999", "512.5")) {
            MediaApi.as(tenant.memberToken()).get("/ar-content/" + contents.get(0) + "/qr.png?size=" + size).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                    .body("errors[0].field", equalTo("size"));
        }
    }

    @Test
    void aBleedOtherThanTrueOrFalseIsRefusedNotIgnored() {
        for (String bleed : List.of("1", "yes")) {
            MediaApi.as(tenant.memberToken()).get("/ar-content/" + contents.get(0) + "/print-kit.pdf?bleed=" + bleed).then()
                    .statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_filter"))
                    .body("detail", equalTo("bleed must be true or false"));
        }
    }

    @Test
    void anotherOrganizationsArContentAndProjectAreNotFound() {
        Api.Tenant other = Api.newTenant();

        for (String path : List.of("/projects/" + project + "/print-kit.pdf", "/ar-content/" + contents.get(0) + "/print-kit.pdf",
                "/ar-content/" + contents.get(0) + "/qr.svg", "/ar-content/" + contents.get(0) + "/qr.png")) {
            MediaApi.as(other.memberToken()).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("code", equalTo("not_found"));
        }
    }

    @Test
    void aProjectWhoseOnlyMarkerFailedHasNothingToPrint() {
        String flat = MarkerApi.newProject(tenant.memberToken());
        String id = MarkerApi.createOne(tenant.memberToken(), flat, "grey.png", MarkerApi.flatImage());
        MarkerApi.awaitMarker(tenant.memberToken(), id, Duration.ofSeconds(120)).body("status", equalTo("failed"));

        MediaApi.as(tenant.memberToken()).get("/projects/" + flat + "/print-kit.pdf").then().statusCode(409)
                .body("code", equalTo("nothing_to_print"));
    }

    @Test
    void theArContentEndpointsBesideTheKitStillAnswer() {
        MediaApi.as(tenant.memberToken()).get("/ar-content/" + contents.get(0)).then().statusCode(200);
        MediaApi.as(tenant.memberToken()).get("/ar-content/" + contents.get(0) + "/marker").then().statusCode(200);
        MediaApi.as(tenant.memberToken()).get("/projects/" + project + "/ar-content").then().statusCode(200)
                .body("total", equalTo(3));
    }

    @Test
    void withoutAPublicAddressNoCodeIsPrintedForAPlainHttpAddressOfAnotherMachine() {
        // What ARV sees behind a proxy that ends TLS and passes the public host on: a code printed with it opens a page
        // whose camera the phone refuses. The suite sets no ARV_PUBLIC_URL, as a first deployment would not.
        MediaApi.as(tenant.memberToken()).header("Host", "ar.example.com").get("/ar-content/" + contents.get(0) + "/qr.svg").then()
                .statusCode(503).contentType("application/problem+json").body("code", equalTo("public_address_unset"));
    }

    private static byte[] get(String path) {
        return MediaApi.as(tenant.memberToken()).get(path).then().statusCode(200).contentType("application/pdf").extract()
                .asByteArray();
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    private static List<PDRectangle> mediaBoxes(byte[] pdf) throws IOException {
        List<PDRectangle> boxes = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getPages().forEach(page -> boxes.add(page.getMediaBox()));
        }
        return boxes;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
