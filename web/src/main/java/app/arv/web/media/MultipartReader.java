package app.arv.web.media;

import app.arv.media.Spool;
import app.arv.media.UploadRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;

import java.util.List;

/** Reads multipart uploads into a {@link MultipartForm} at the upload rules' limits. */
@ApplicationScoped
public class MultipartReader {

    @Inject
    Spool spool;

    @Inject
    UploadRules rules;

    /** At most one file in {@code fileField}; a second is refused with 413 {@code too_many_files}. */
    public MultipartForm single(List<EntityPart> parts, String fileField) {
        return MultipartForm.read(parts, fileField, spool, rules.maxFileBytes(), 1);
    }

    /** At most one file in {@code fileField} of at most {@code maxBytes}. */
    public MultipartForm single(List<EntityPart> parts, String fileField, long maxBytes) {
        return MultipartForm.read(parts, fileField, spool, maxBytes, 1);
    }

    /** Up to the upload rules' number of files in the repeated {@code fileField}. */
    public MultipartForm several(List<EntityPart> parts, String fileField) {
        return MultipartForm.read(parts, fileField, spool, rules.maxFileBytes(), rules.maxFiles());
    }
}
