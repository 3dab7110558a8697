package app.arv.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Optional;

/**
 * The one rule for an address ARV will mail: what Jakarta Mail's strict parser takes as exactly one address, with no
 * personal name. Bean Validation's {@code @Email} is looser (it takes {@code ops@corp_x.com}); an account created with
 * such an address could never be mailed, so every place that takes an address someone will be mailed at asks this.
 */
public final class MailAddress {

    private MailAddress() {
    }

    /** @return the address as it will be sent to, or empty when it is not one ARV can send mail to */
    public static Optional<String> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            InternetAddress address = new InternetAddress(text.strip(), true);
            address.validate();
            return address.getPersonal() == null ? Optional.of(address.getAddress()) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
