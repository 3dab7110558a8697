package app.arv.web.json;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PagingTest {

    @Test
    void absentPagingIsTheFirstPageOfTheDefaultSize() {
        assertThat(new Paging().toRequest()).isEqualTo(new PageRequest(Page.DEFAULT_LIMIT, 0));
    }

    @Test
    void wholeNumbersWithinTheBoundsAreTheirOwnValues() {
        Paging paging = new Paging();
        paging.limit = "200";
        paging.offset = "2147483647";

        assertThat(paging.toRequest()).isEqualTo(new PageRequest(200, Integer.MAX_VALUE));
    }

    @Test
    void onlyDecimalDigitsWithinTheBoundsAreAWholeNumber() {
        List<String> refused = List.of("abc", "1.5", "", " 1", "+1", "-1", "0", "201", "1e2", "0x10", "\u0663", "99999999999");

        assertThat(refused).allSatisfy(value -> assertThat(WholeNumberParam.Check.read(value, 1, 200)).as(value).isEmpty());
        assertThat(WholeNumberParam.Check.read("007", 1, 200)).hasValue(7);
    }
}
