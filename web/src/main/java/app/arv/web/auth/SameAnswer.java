package app.arv.web.auth;

import jakarta.ws.rs.core.Response;

/**
 * The one answer to a request about an address that may or may not have an account (a password reset, a sign-up):
 * 202 with the same body whatever the address, so that nobody learns from it, nor from its time, whether the address
 * belongs to anybody. The work happens in the background, where the answer cannot show it.
 */
public record SameAnswer(String status, String message) {

    /** @param message what is on its way if the address is one the request can be for */
    static SameAnswer accepted(String message) {
        return new SameAnswer("accepted", message);
    }

    Response response() {
        return Response.accepted(this).build();
    }
}
