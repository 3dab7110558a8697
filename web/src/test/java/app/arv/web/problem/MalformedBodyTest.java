package app.arv.web.problem;

import app.arv.persistence.identity.Role;
import app.arv.web.json.JsonbConfiguration;
import app.arv.web.json.SnakeCaseEnum;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How a body JSON-B could not read is answered: the member is named as the client sent it, read from the words of the
 * Yasson that Payara ships (a new version that words them otherwise fails here, not in production).
 */
class MalformedBodyTest {

    private final Jsonb jsonb = new JsonbConfiguration().getContext(Order.class);

    /** A request with a nested one. */
    public static class Order {
        public String name;
        public Instant expiresAt;
        public Boolean published;
        @JsonbTypeDeserializer(SnakeCaseEnum.class)
        public Role role;
        public Admin admin;
    }

    public static class Admin {
        public String email;
    }

    private Problem answer(String json) {
        Throwable failure = catchThrowable(() -> jsonb.fromJson(json, Order.class));
        assertThat(MalformedBody.causedBy(failure)).isTrue();
        return MalformedBody.problem(failure);
    }

    @Test
    void anUnknownMemberIsAFieldErrorNamingIt() {
        Problem problem = answer("{\"name\":\"p2\",\"descripton\":\"x\"}");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("validation_failed");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("descripton", "is not a member of this request"));
    }

    @Test
    void anUnknownMemberOfANestedObjectIsNamedWithItsPath() {
        assertThat(answer("{\"admin\":{\"e_mail\":\"a@b.c\"}}").errors()).extracting(Problem.FieldError::field)
                .containsExactly("admin.e_mail");
    }

    @Test
    void aMemberOfTheWrongKindIsAFieldErrorSayingWhatItTakes() {
        Problem problem = answer("{\"published\":\"yes\"}");

        assertThat(problem.code()).isEqualTo("validation_failed");
        assertThat(problem.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("published");
            assertThat(error.message()).contains("must be true or false");
        });
    }

    @Test
    void anInstantWithoutItsTimeIsNamedInSnakeCase() {
        assertThat(answer("{\"expires_at\":\"2027-01-01\"}").errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("expires_at");
            assertThat(error.message()).contains("ISO-8601");
        });
    }

    @Test
    void anUnknownConstantIsAFieldError() {
        assertThat(answer("{\"role\":\"owner\"}").errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("role");
            assertThat(error.message()).contains("admin", "member");
        });
    }

    @Test
    void textThatIsNotPlainStaysInvalidTextAndNamesItsMember() {
        Problem problem = answer("{\"name\":\"a\\u0000b\"}");

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.code()).isEqualTo("invalid_text");
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("name");
    }

    @Test
    void jsonThatDoesNotParseStaysMalformed() {
        Problem problem = answer("{\"name\":");

        assertThat(problem.code()).isEqualTo("malformed_body");
        assertThat(problem.errors()).isEmpty();
    }
}
