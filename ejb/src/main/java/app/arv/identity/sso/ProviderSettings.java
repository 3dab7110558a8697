package app.arv.identity.sso;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One identity provider as configured: {@code ARV_OIDC_<NAME>_ISSUER}, {@code _CLIENT_ID},
 * {@code _CLIENT_SECRET} ({@code arv.oidc.<name>.issuer} … as properties). The name is letters and digits
 * only, so the environment variable reads one way; it is used lower-case in URLs.
 */
public record ProviderSettings(String name, String issuer, String clientId, String clientSecret) {

    private static final Pattern ISSUER_KEY = Pattern.compile("(?i)^arv[._]oidc[._]([a-z0-9]+)[._]issuer$");

    /**
     * The providers named by the configuration's keys.
     *
     * @param keys   every configuration key (environment variables and properties alike)
     * @param values the value of a key, as MicroProfile Config finds it (with its environment mapping)
     * @throws IllegalStateException when a provider has an issuer but no client id or secret
     */
    public static Map<String, ProviderSettings> fromKeys(Iterable<String> keys, Function<String, Optional<String>> values) {
        Map<String, ProviderSettings> providers = new TreeMap<>();
        for (String key : keys) {
            Matcher m = ISSUER_KEY.matcher(key);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String prefix = "arv.oidc." + name + ".";
            String issuer = required(values, prefix, "issuer");
            providers.put(name, new ProviderSettings(name, issuer, required(values, prefix, "client-id"),
                    required(values, prefix, "client-secret")));
        }
        return providers;
    }

    private static String required(Function<String, Optional<String>> values, String prefix, String what) {
        return values.apply(prefix + what).map(String::strip).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalStateException("Identity provider '" + prefix.split("\\.")[2] + "' needs "
                        + (prefix + what).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')));
    }

    @Override
    public String toString() {
        return "ProviderSettings[" + name + ", " + issuer + ", " + clientId + "]"; // never the secret
    }
}
