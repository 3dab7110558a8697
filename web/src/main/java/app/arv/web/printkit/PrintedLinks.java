package app.arv.web.printkit;

import app.arv.persistence.marker.ArContent;
import app.arv.platform.PublicAddress;
import app.arv.web.Links;
import jakarta.ws.rs.core.UriInfo;

/**
 * The absolute viewer link a QR code carries: {@code ARV_PUBLIC_URL} when set, else the address the request
 * came in by (scheme, host, port and the application's context path) where a printed code can use it
 * ({@link PublicAddress#forPrintedLink}), followed by {@link Links#viewerPage}.
 */
final class PrintedLinks {

    private PrintedLinks() {
    }

    static String viewerUrl(PublicAddress publicAddress, UriInfo request, ArContent content) {
        return base(publicAddress, request) + Links.viewerPage(content.getUniqueId());
    }

    /** Without a trailing slash. */
    private static String base(PublicAddress publicAddress, UriInfo request) {
        return publicAddress.forPrintedLink(Links.requestBase(request));
    }
}
