package app.arv.security;

import java.nio.file.Path;
import java.util.Optional;

/** A real {@link TokenService} outside a container, for service tests whose calls hand out access tokens. */
public final class TestTokens {

    private TestTokens() {
    }

    /** Issuer {@code arv}, an hour's tokens, signed with a key it keeps in {@code dataDir}. */
    public static TokenService service(Path dataDir) {
        TokenService service = new TokenService();
        service.issuer = "arv";
        service.ttlSeconds = 3600;
        service.privateKeyPem = Optional.empty();
        service.dataDir = dataDir.toString();
        service.loadKey();
        return service;
    }
}
