package app.arv.web.identity;

import app.arv.web.json.MailAddressParam;
import app.arv.web.security.StorablePassword;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The e-mail address and first password of an account being created — a user of an organization, or the
 * first admin of a new one: the rules every way of creating an account shares.
 */
public class NewAccount {
    @NotBlank
    @MailAddressParam
    @Size(max = 254)
    public String email;

    @NotBlank
    @StorablePassword
    public String password;
}
