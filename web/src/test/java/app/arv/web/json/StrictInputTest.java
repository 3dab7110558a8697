package app.arv.web.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What JSON-B takes for a request's members: the members it has, booleans as booleans, whole numbers as whole numbers. */
class StrictInputTest {

    private final Jsonb jsonb = new JsonbConfiguration().getContext(Input.class);

    /** A request with one field of each kind. */
    public static class Input {
        public String description;
        public Boolean published;
        public Integer size;
        public Long storedBytes;
        public List<Integer> sizes;
    }

    private Input read(String json) {
        return jsonb.fromJson(json, Input.class);
    }

    @Test
    void aMemberTheRequestDoesNotHaveIsRefusedNotDropped() {
        assertThatThrownBy(() -> read("{\"descripton\":\"x\"}")).isInstanceOf(JsonbException.class)
                .hasMessageContaining("descripton");
        assertThatThrownBy(() -> read("{\"storedBytes\":5000000000}")).isInstanceOf(JsonbException.class)
                .hasMessageContaining("storedBytes");
    }

    @Test
    void booleansAreReadAsThemselvesAndNullAsAbsent() {
        assertThat(read("{\"published\":true}").published).isTrue();
        assertThat(read("{\"published\":false}").published).isFalse();
        assertThat(read("{\"published\":null}").published).isNull();
    }

    @Test
    void textOrANumberIsNoBoolean() {
        for (String given : List.of("\"yes\"", "\"true\"", "1", "0")) {
            assertThatThrownBy(() -> read("{\"published\":" + given + "}")).as(given)
                    .hasRootCauseInstanceOf(InputRefused.class).rootCause().hasMessageContaining("must be true or false");
        }
    }

    @Test
    void wholeNumbersAreReadUpToTheEdgesOfTheirType() {
        assertThat(read("{\"size\":2147483647}").size).isEqualTo(Integer.MAX_VALUE);
        assertThat(read("{\"size\":-2147483648}").size).isEqualTo(Integer.MIN_VALUE);
        assertThat(read("{\"stored_bytes\":9223372036854775807}").storedBytes).isEqualTo(Long.MAX_VALUE);
        assertThat(read("{\"size\":null,\"stored_bytes\":null}").storedBytes).isNull();
    }

    @Test
    void aFractionIsRefusedNotCut() {
        assertThatThrownBy(() -> read("{\"stored_bytes\":1.9}")).hasRootCauseInstanceOf(InputRefused.class);
        assertThatThrownBy(() -> read("{\"size\":1.0}")).hasRootCauseInstanceOf(InputRefused.class);
        assertThatThrownBy(() -> read("{\"size\":1e2}")).hasRootCauseInstanceOf(InputRefused.class);
    }

    @Test
    void aNumberPastItsTypeIsRefusedNotWrapped() {
        assertThatThrownBy(() -> read("{\"size\":4294967897}")).hasRootCauseInstanceOf(InputRefused.class)
                .rootCause().hasMessageContaining("from -2147483648 to 2147483647");
        assertThatThrownBy(() -> read("{\"stored_bytes\":9223372036854775808}")).hasRootCauseInstanceOf(InputRefused.class);
    }

    @Test
    void textIsNoNumber() {
        assertThatThrownBy(() -> read("{\"size\":\"3\"}")).hasRootCauseInstanceOf(InputRefused.class);
        assertThatThrownBy(() -> read("{\"stored_bytes\":\"3\"}")).hasRootCauseInstanceOf(InputRefused.class);
    }

    @Test
    void numbersInsideListsAreCheckedToo() {
        assertThat(read("{\"sizes\":[1,2]}").sizes).containsExactly(1, 2);
        assertThatThrownBy(() -> read("{\"sizes\":[1,2.5]}")).hasRootCauseInstanceOf(InputRefused.class);
    }
}
