package app.arv.mail;

/**
 * The mails ARV sends, each a template pair under {@code app/arv/mail/templates/}: {@code <name>.ftl} (plain
 * text; it also sets {@code subject}) and {@code <name>.ftlh} (HTML, every value escaped), English, with
 * {@code <name>_ru.ftl(h)} beside them for Russian.
 */
public enum MailKind {
    /** An org admin checks that ARV's mail reaches people: sent to themselves. */
    TEST_MAIL("test-mail"),
    /** Someone asked to reset their password: a single-use link that expires. */
    PASSWORD_RESET("password-reset"),
    /** An org admin invited someone: a single-use link to choose a password and join. */
    INVITATION("invitation"),
    /** Someone signed up a new organization: a single-use link that verifies their address and opens it. */
    SIGNUP_VERIFICATION("signup-verification"),
    /** Something happened in the person's organization that they chose to hear about by e-mail (app.arv.notification). */
    NOTIFICATION("notification");

    private final String template;

    MailKind(String template) {
        this.template = template;
    }

    public String template() {
        return template;
    }
}
