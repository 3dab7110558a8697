package app.arv.security;

import app.arv.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be, wherever one is set (a person added, an organization's first admin, a reset, a
 * change): at least {@code ARV_PASSWORD_MIN_LENGTH} characters, at most {@link PasswordHasher#MAX_BYTES} bytes,
 * not the e-mail address's local part nor containing it, and not one of the best-known passwords
 * ({@code common-passwords.txt}). A refusal is 422 {@code weak_password} naming the rule.
 */
@ApplicationScoped
public class PasswordPolicy {

    /** Local parts shorter than this ("a@…") are too short to be a meaningful part of a password. */
    private static final int MIN_LOCAL_PART = 3;
    private static final Set<String> COMMON = load();

    @Inject
    @ConfigProperty(name = "arv.password.min-length", defaultValue = "10")
    int minLength = 10;

    public PasswordPolicy() {
    }

    PasswordPolicy(int minLength) {
        this.minLength = minLength;
    }

    /** The fewest characters a password may have ({@code ARV_PASSWORD_MIN_LENGTH}): what a form may check before sending. */
    public int minLength() {
        return minLength;
    }

    /** The most bytes a password may have in UTF-8 ({@link PasswordHasher#MAX_BYTES}): what a form may check before sending. */
    public int maxBytes() {
        return PasswordHasher.MAX_BYTES;
    }

    /** @throws DomainException 422 {@code weak_password} when {@code password} breaks a rule for the person with {@code email} */
    public void check(String password, String email) {
        if (password.codePointCount(0, password.length()) < minLength) {
            throw weak("A password needs at least " + minLength + " characters");
        }
        if (!PasswordHasher.fits(password)) {
            throw weak("A password may be at most " + PasswordHasher.MAX_BYTES + " bytes in UTF-8");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String local = localPart(email);
        if (local.length() >= MIN_LOCAL_PART && lower.contains(local)) {
            throw weak("A password must not contain the e-mail address's name part");
        }
        if (COMMON.contains(lower)) {
            throw weak("This password is among the most common ones; choose another");
        }
    }

    private static String localPart(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    private static DomainException weak(String rule) {
        return DomainException.invalid("weak_password", rule);
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/app/arv/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
