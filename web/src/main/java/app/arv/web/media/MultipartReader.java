package app.arv.web.media;

import app.arv.media.Spool;
import app.arv.media.UploadRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.EntityPart;

import java.util.List;
import java.util.Set;

/** Reads multipart uploads into a {@link MultipartForm} at the upload rules' limits, and validates what is made of its fields. */
@ApplicationScoped
public class MultipartReader {

    /** The repeated field that uploads of many files (to the media library, for generation) name their files in. */
    public static final String FILES_FIELD = "files";

    @Inject
    Spool spool;

    @Inject
    UploadRules rules;

    @Inject
    Validator validator;

    /** At most one file in {@code fileField}; a second is refused with 413 {@code too_many_files}. */
    public MultipartForm single(List<EntityPart> parts, String fileField) {
        return MultipartForm.read(parts, fileField, spool, rules.maxFileBytes(), 1);
    }

    /** At most one file in {@code fileField} of at most {@code maxBytes}. */
    public MultipartForm single(List<EntityPart> parts, String fileField, long maxBytes) {
        return MultipartForm.read(parts, fileField, spool, maxBytes, 1);
    }

    /**
     * Checks what was made of a form's fields against its constraints, as a JSON body is checked:
     * 400 {@code validation_failed} naming each field.
     */
    public <T> T validated(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }

    /** Up to the upload rules' number of files in the repeated {@code fileField}. */
    public MultipartForm several(List<EntityPart> parts, String fileField) {
        return MultipartForm.read(parts, fileField, spool, rules.maxFileBytes(), rules.maxFiles());
    }
}
