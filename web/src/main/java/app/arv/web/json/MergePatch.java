package app.arv.web.json;

import app.arv.shared.WireName;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * A PATCH body with JSON merge patch semantics (RFC 7396): a member absent leaves its field as it is, a member given as
 * {@code null} clears it. JSON-B binds the fields as for any body (the same refusals of unknown members and of values of
 * the wrong kind); as a null and an absent member bind alike, {@link JsonBody} then tells the body which members it
 * named. A patchable field is a field of the body and a constant of its enum of fields, the member's wire name ({@link WireName})
 * ({@link #given(Set, Class)}).
 */
public interface MergePatch {

    /** The members the body named, told once JSON-B has bound it. */
    void named(Set<String> members);

    /** The constants of {@code fields} that {@code members} names (by their wire names). */
    static <E extends Enum<E>> Set<E> given(Set<String> members, Class<E> fields) {
        EnumSet<E> given = EnumSet.noneOf(fields);
        for (E field : fields.getEnumConstants()) {
            if (members.contains(WireName.of(field))) {
                given.add(field);
            }
        }
        return given;
    }

    /** A body read outside JAX-RS (a test) as {@link JsonBody} reads it: bound by JSON-B, then told its members. */
    static <T extends MergePatch> T read(Jsonb jsonb, String json, Class<T> type) {
        T patch = jsonb.fromJson(json, type);
        patch.named(members(json.getBytes(StandardCharsets.UTF_8)));
        return patch;
    }

    /** The member names of {@code body}, a JSON object. */
    static Set<String> members(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return Set.copyOf(reader.readObject().keySet());
        }
    }
}
