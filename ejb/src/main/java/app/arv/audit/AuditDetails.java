package app.arv.audit;

import app.arv.shared.Jsonp;
import app.arv.shared.WireName;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.Collection;

/**
 * What else an audit event says, as a JSON object with snake_case keys: built fluently, {@code null} values left
 * out (a field that did not change is not mentioned), enums written by their wire names ({@link WireName}), collections as arrays of text.
 */
public final class AuditDetails {

    public static final AuditDetails NONE = new AuditDetails();

    private final JsonObjectBuilder json = Jsonp.createObjectBuilder();
    private boolean empty = true;

    private AuditDetails() {
    }

    public static AuditDetails with(String key, Object value) {
        return new AuditDetails().and(key, value);
    }

    public AuditDetails and(String key, Object value) {
        if (this == NONE) {
            return with(key, value);
        }
        if (value == null) {
            return this;
        }
        empty = false;
        if (value instanceof Boolean b) {
            json.add(key, b);
        } else if (value instanceof Integer || value instanceof Long) {
            json.add(key, ((Number) value).longValue());
        } else if (value instanceof Enum<?> e) {
            json.add(key, WireName.of(e));
        } else if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = Jsonp.createArrayBuilder();
            items.forEach(item -> array.add(String.valueOf(item)));
            json.add(key, array);
        } else {
            json.add(key, value.toString());
        }
        return this;
    }

    String toJson() {
        return empty ? "{}" : json.build().toString();
    }
}
