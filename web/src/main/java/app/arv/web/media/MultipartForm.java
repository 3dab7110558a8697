package app.arv.web.media;

import app.arv.media.Spool;
import app.arv.media.SpooledFile;
import app.arv.shared.DomainException;
import app.arv.web.json.PlainText;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.EntityPart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One multipart request read once, the way every upload endpoint reads it: the parts of the file
 * field spooled to disk (each size-limited while it arrives, their number limited), every other
 * field as a short string (at most {@value #MAX_FIELD_BYTES} bytes, else 400) held to the rules of a
 * JSON body's strings: UTF-8 and {@link PlainText plain text}. The parts come from
 * the JAX-RS entity, so the idempotency filter has seen the same body. Close it to remove the
 * spooled files. Made by {@link MultipartReader}.
 */
public final class MultipartForm implements AutoCloseable {

    static final int MAX_FIELD_BYTES = 4000;

    private final String fileField;
    private final Map<String, String> values = new HashMap<>();
    private final List<SpooledFile> files = new ArrayList<>();

    private MultipartForm(String fileField) {
        this.fileField = fileField;
    }

    static MultipartForm read(List<EntityPart> parts, String fileField, Spool spool, long maxBytes, int maxFiles) {
        MultipartForm form = new MultipartForm(fileField);
        try {
            for (EntityPart part : parts) {
                try (InputStream content = part.getContent()) {
                    if (fileField.equals(part.getName())) {
                        if (form.files.size() == maxFiles) {
                            throw DomainException.tooManyFiles(maxFiles);
                        }
                        form.files.add(spool.take(part.getFileName().orElse(null), content, maxBytes));
                    } else {
                        byte[] value = content.readNBytes(MAX_FIELD_BYTES + 1);
                        if (value.length > MAX_FIELD_BYTES) {
                            throw new BadRequestException("Field '" + part.getName() + "' is too long");
                        }
                        form.values.put(part.getName(), plainText(part.getName(), value).strip());
                    }
                } catch (IOException e) {
                    throw new BadRequestException(e);
                }
            }
            return form;
        } catch (RuntimeException e) {
            form.close();
            throw e;
        }
    }

    /**
     * A field's text, refused as a JSON string would be (the field named): bytes that are not UTF-8 with 400
     * {@code malformed_body} (not read as U+FFFD), text a person could not type with 422 {@code invalid_text} (a NUL
     * would otherwise reach PostgreSQL, which refuses it with a server error).
     */
    private static String plainText(String field, byte[] value) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw DomainException.malformedBody("Field '" + field + "' is not valid UTF-8");
        }
        PlainText.fault(text).ifPresent(fault -> {
            throw DomainException.invalid("invalid_text", "Field '" + field + "': " + fault);
        });
        return text;
    }

    /** The (first) file, or {@code null} when none was sent. */
    public SpooledFile file() {
        return files.isEmpty() ? null : files.get(0);
    }

    /**
     * The (first) file; when none was sent, 400 with {@code code} and the detail "Send {@code what} in the
     * multipart field '<the file field>'".
     */
    public SpooledFile requiredFile(String code, String what) {
        return requiredFiles(code, what).get(0);
    }

    /** The files, at least one; when none was sent, 400 as {@link #requiredFile}. */
    public List<SpooledFile> requiredFiles(String code, String what) {
        if (files.isEmpty()) {
            throw DomainException.invalid(code, "Send " + what + " in the multipart field '" + fileField + "'");
        }
        return files;
    }

    public List<SpooledFile> files() {
        return files;
    }

    /** A field's value, stripped; {@code null} when absent or blank. */
    public String value(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Every field but the files, stripped. */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    @Override
    public void close() {
        files.forEach(SpooledFile::close);
    }
}
