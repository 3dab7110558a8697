package app.arv.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

/** Bean Validation failures on input: 400 with one entry per rejected field, named as the client sent it. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return Problem.of(400, "validation_failed", detail).withErrors(errors).toResponse();
    }

    /**
     * The path of a violation on a resource method reads {@code create.arg0.name}; clients know the
     * field as {@code name} (JSON names are snake_case), or a query parameter by its own name.
     */
    private static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        List<String> properties = nodes.stream()
                .filter(n -> n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT)
                .map(Path.Node::getName).filter(n -> n != null).map(ConstraintViolationMapper::snakeCase).toList();
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return nodes.stream().filter(n -> n.getKind() == ElementKind.PARAMETER).map(Path.Node::getName)
                .reduce((first, last) -> last).orElse("body");
    }

    /**
     * A Java property's JSON name, as JSON-B's {@code LOWER_CASE_WITH_UNDERSCORES} writes it ({@code createdAt}:
     * {@code created_at}); the OpenAPI description names properties by it too.
     */
    public static String snakeCase(String name) {
        return name == null ? "" : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
