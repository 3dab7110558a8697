package app.arv.web.printkit;

import app.arv.marker.ArContentService;
import app.arv.persistence.marker.ArContent;
import app.arv.platform.PublicAddress;
import app.arv.printkit.QrCodes;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.json.WholeNumberParam;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/**
 * The QR code of an AR content's viewer link, as SVG or PNG (the console shows it; anyone may print it). Its own
 * root resource with the whole path, as {@link ArContentPrintKitResource}.
 */
@Path("ar-content/{id}/qr.{format: svg|png}")
@RequiresRole(CallerRole.MEMBER)
public class ArContentQrResource implements ApiDescription.Markers {

    static final String SVG = "image/svg+xml";
    static final String PNG = "image/png";

    @Inject
    ArContentService contents;

    @Inject
    PublicAddress publicAddress;

    @Inject
    CurrentCaller caller;

    /**
     * {@code ?size=} of the PNG, in a bean: Payara's OpenAPI scan fails on Bean Validation annotations on a resource
     * method's own parameters (an NPE in its ApplicationProcessor), not on a bean parameter's fields. Held as text
     * ({@link WholeNumberParam}): as an {@code int}, {@code ?size=abc} or a size past the int range was a 404.
     */
    public static class PngSize {
        static final int MIN = 128;
        static final int MAX = 2048;
        static final int DEFAULT = 512;

        @QueryParam("size")
        @WholeNumberParam(min = MIN, max = MAX)
        String size;

        /** The size asked for; only once validated ({@code @Valid @BeanParam}). */
        int pixels() {
            return size == null
                    ? DEFAULT
                    : WholeNumberParam.Check.read(size, MIN, MAX).orElseThrow(
                            () -> new IllegalStateException("size read without its validation: " + size));
        }
    }

    @GET
    @Produces({SVG, PNG, MediaType.APPLICATION_JSON})
    @Operation(summary = "The viewer link's QR code: qr.svg (vector) or qr.png (size= 128-2048 px, default 512; another value, "
            + "a non-number too, 400 validation_failed naming size), "
            + "with its quiet zone")
    public Response qr(@PathParam("id") UUID id, @PathParam("format") String format,
            @Valid @BeanParam PngSize png, @Context UriInfo request) {
        ArContent content = contents.get(caller.get(), id);
        String url = PrintedLinks.viewerUrl(publicAddress, request, content);
        if (format.equals("svg")) {
            return Response.ok(QrCodes.svg(url), SVG).build();
        }
        StreamingOutput image = out -> QrCodes.png(url, png.pixels(), out);
        return Response.ok(image, PNG).build();
    }
}
