package app.arv.web.json;

import app.arv.shared.DomainException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A JSON request body is small and is UTF-8 (RFC 8259): one larger than {@link #MAX_BYTES} is refused
 * with 413 before it is parsed, and bytes that are not UTF-8 with 400 — the JSON parser would
 * otherwise read them as U+FFFD and store replacement characters in names. A body of {@code null} is refused
 * with 400 too, before a resource dereferences it. A {@link MergePatch} is told which members the body named. Uploads are multipart
 * and never pass through here.
 */
@Provider
public class JsonBody implements ReaderInterceptor {

    /** Every JSON body ARV takes is a handful of fields; a megabyte leaves generous room for lists of ids. */
    static final int MAX_BYTES = 1024 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !isJson(type)) {
            return context.proceed();
        }
        byte[] bytes = checked(context.getInputStream());
        context.setInputStream(new ByteArrayInputStream(bytes));
        Object body = context.proceed();
        if (body == null) {
            // A literal null: JSON-B reads it as no object at all, and every endpoint taking JSON needs one.
            throw DomainException.malformedBody("The request body is JSON null; this endpoint needs an object");
        }
        if (body instanceof MergePatch patch) {
            patch.named(MergePatch.members(bytes));
        }
        return body;
    }

    static byte[] checked(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw DomainException.payloadTooLarge("A JSON request body may be at most " + MAX_BYTES + " bytes", MAX_BYTES);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw DomainException.malformedBody("The request body is not valid UTF-8");
        }
        return body;
    }

    /**
     * What the JSON-B reader takes, decided as it decides: by the subtype alone, in any case. Media types are
     * case-insensitive (RFC 9110) and JAX-RS matches {@code @Consumes} so; a stricter test here let
     * {@code Application/json} past every check above, to the reader all the same.
     */
    static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return "json".equals(subtype) || subtype.endsWith("+json");
    }
}
