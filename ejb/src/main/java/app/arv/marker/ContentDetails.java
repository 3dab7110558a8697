package app.arv.marker;

import java.time.Instant;

/**
 * What a client says about an AR content besides its image. On creation every field is taken as
 * given; on a change ({@link ContentChange}) only the fields it names, {@code null} clearing one.
 */
public record ContentDetails(String title, String orderNumber, String customerName, String customerEmail,
        String customerPhone, Instant activeFrom, Instant activeUntil, Instant expiresAt,
        Boolean published) {
}
