package app.arv.shared;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

import java.io.Reader;
import java.io.StringReader;

/**
 * JSON-P through one provider looked up once. {@code jakarta.json.Json}'s static methods look the
 * provider up again on every call, which inside Payara means a service-loader scan of every jar of
 * the application: profiling showed it as the largest cost of an authenticated API request (the
 * access log line) — more than authentication, the rate limit and the query together.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject start) {
        return PROVIDER.createObjectBuilder(start);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonObject readObject(String json) {
        try (JsonReader reader = createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
