package app.arv.web.printkit;

import app.arv.printkit.PrintKit;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** A built kit as a PDF download, written straight from its temporary file to the client and then removed. */
final class PrintKitResponses {

    static final String PDF = "application/pdf";

    private PrintKitResponses() {
    }

    static Response pdf(PrintKit kit, String fileName) {
        StreamingOutput body = out -> {
            try (kit) {
                kit.writeTo(out);
            }
        };
        return Response.ok(body, PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CONTENT_LANGUAGE, kit.language().tag())
                .header("X-Print-Kit-Pages", kit.pages())
                .build();
    }
}
