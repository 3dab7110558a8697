package app.arv.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code ARV-Signature} header: {@code t=<unix seconds>, v1=<hex HMAC-SHA256 of "t.body">} — one {@code v1}
 * per valid secret (two while a rotated-out secret is in its grace period), so a receiver that knows either accepts.
 * The timestamp is signed with the body: a receiver that refuses old timestamps is safe from replays.
 */
public final class WebhookSignature {

    public static final String HEADER = "ARV-Signature";

    private WebhookSignature() {
    }

    /** The header's value for a body sent at {@code unixSeconds}, signed with each secret in turn. */
    public static String header(long unixSeconds, String body, List<String> secrets) {
        return "t=" + unixSeconds + secrets.stream().map(secret -> ", v1=" + sign(secret, unixSeconds, body))
                .collect(Collectors.joining());
    }

    /** The hex HMAC-SHA256 of {@code "<unixSeconds>.<body>"} keyed with the secret's UTF-8 bytes. */
    public static String sign(String secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
