package app.arv.web.printkit;

import app.arv.persistence.marker.ArContent;
import app.arv.platform.PublicAddress;
import app.arv.printkit.PrintKit;
import app.arv.printkit.PrintKits;
import app.arv.web.media.ContentDisposition;
import app.arv.web.security.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;
import java.util.function.Function;

/**
 * A print kit as both kit resources answer it: built for the caller with the asked size, bleed and language, its codes
 * carrying the viewer links of {@link PrintedLinks}, and sent as a PDF download written straight from its temporary file
 * to the client and then removed.
 */
@ApplicationScoped
public class PrintKitDownloads {

    static final String PDF = "application/pdf";

    @Inject
    PrintKits kits;

    @Inject
    PublicAddress publicAddress;

    @Inject
    CurrentCaller caller;

    /** One AR content's kit. */
    public Response ofContent(UUID id, KitParameters parameters, HttpHeaders headers, UriInfo request) {
        return pdf(kits.ofContent(caller.get(), id, parameters.options(headers), viewerUrls(request)), "print-kit-" + id + ".pdf");
    }

    /** A project's kit. */
    public Response ofProject(UUID id, KitParameters parameters, HttpHeaders headers, UriInfo request) {
        return pdf(kits.ofProject(caller.get(), id, parameters.options(headers), viewerUrls(request)),
                "project-" + id + "-print-kit.pdf");
    }

    private Function<ArContent, String> viewerUrls(UriInfo request) {
        return content -> PrintedLinks.viewerUrl(publicAddress, request, content);
    }

    private static Response pdf(PrintKit kit, String fileName) {
        StreamingOutput body = out -> {
            try (kit) {
                kit.writeTo(out);
            }
        };
        return Response.ok(body, PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(fileName))
                .header(HttpHeaders.CONTENT_LANGUAGE, kit.language().tag())
                .header("X-Print-Kit-Pages", kit.pages())
                .build();
    }
}
