package app.arv.web.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * ARV's JSON speaks snake_case (as image2model's API did), keeps null fields visible, and reads input strictly: a
 * member the request does not have is refused rather than dropped (a misspelt {@code descripton}, or a camelCase
 * {@code storedBytes} that left every quota override at its default), strings only as plain text ({@link PlainText}),
 * booleans only as JSON booleans ({@link StrictBoolean}), whole numbers only as whole JSON numbers within range
 * ({@link WholeNumber}). Each refusal is a 400 naming the member (the problem package's {@code MalformedBody}).
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    /**
     * Yasson's {@code YassonConfig.FAIL_ON_UNKNOWN_PROPERTIES}, by its key: the server provides Yasson, and the
     * application compiles against the JSON-B API alone.
     */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true)
            .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true)
            .withDeserializers(new PlainText(), new StrictBoolean(), new WholeNumber.OfInteger(), new WholeNumber.OfLong()));

    /** The same configuration outside JAX-RS (a servlet filter's own answer). */
    public static Jsonb jsonb() {
        return JSONB;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
