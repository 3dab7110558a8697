package app.arv.mail;

/**
 * A send that did not happen. {@code permanent}: no retry can cure it (the server refused the recipient, the
 * address is malformed); otherwise the server was unreachable, busy or refused for now.
 */
public class MailFailure extends Exception {

    private final boolean permanent;

    public MailFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() { return permanent; }
}
