package app.arv.web.marker;

import app.arv.shared.DomainException;
import app.arv.media.Spool;
import app.arv.media.SpooledFile;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.EntityPart;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One multipart request read once: the file field spooled to disk (size-limited while it arrives),
 * the other fields as short strings. Close it to remove the spooled file.
 */
final class MultipartFields implements AutoCloseable {

    private static final int MAX_FIELD_CHARS = 4000;

    private final Map<String, String> values = new HashMap<>();
    private final List<SpooledFile> files = new java.util.ArrayList<>();

    private MultipartFields() {
    }

    static MultipartFields read(List<EntityPart> parts, String fileField, Spool spool, long maxBytes) {
        return read(parts, fileField, spool, maxBytes, 1);
    }

    /** @param maxFiles how many parts named {@code fileField} are accepted; more are refused with 413 */
    static MultipartFields read(List<EntityPart> parts, String fileField, Spool spool, long maxBytes, int maxFiles) {
        MultipartFields fields = new MultipartFields();
        try {
            for (EntityPart part : parts) {
                try (InputStream content = part.getContent()) {
                    if (fileField.equals(part.getName())) {
                        if (fields.files.size() == maxFiles) {
                            throw DomainException.tooManyFiles(maxFiles);
                        }
                        fields.files.add(spool.take(part.getFileName().orElse(fileField), content, maxBytes));
                    } else {
                        byte[] value = content.readNBytes(MAX_FIELD_CHARS + 1);
                        if (value.length > MAX_FIELD_CHARS) {
                            throw new BadRequestException("Field '" + part.getName() + "' is too long");
                        }
                        fields.values.put(part.getName(), new String(value, java.nio.charset.StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new BadRequestException(e);
                }
            }
            return fields;
        } catch (RuntimeException e) {
            fields.close();
            throw e;
        }
    }

    /** The (first) file, or {@code null} when none was sent. */
    SpooledFile file() {
        return files.isEmpty() ? null : files.get(0);
    }

    List<SpooledFile> files() {
        return files;
    }

    String value(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public void close() {
        files.forEach(SpooledFile::close);
    }
}
