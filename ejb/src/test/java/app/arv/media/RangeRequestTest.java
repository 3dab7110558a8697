package app.arv.media;

import app.arv.storage.ByteRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RangeRequestTest {

    @Test
    void noHeaderMeansTheWholeResource() {
        assertThat(RangeRequest.parse(null, 100).kind()).isEqualTo(RangeRequest.Kind.WHOLE);
    }

    @Test
    void aClosedRangeIsServedAsAsked() {
        assertThat(RangeRequest.parse("bytes=10-19", 100).range()).contains(new ByteRange(10, 19));
    }

    @Test
    void anOpenRangeRunsToTheEnd() {
        assertThat(RangeRequest.parse("bytes=90-", 100).range()).contains(new ByteRange(90, 99));
    }

    @Test
    void aSuffixRangeIsTheLastBytes() {
        assertThat(RangeRequest.parse("bytes=-5", 100).range()).contains(new ByteRange(95, 99));
    }

    @Test
    void aRangeEndingPastTheEndIsCut() {
        assertThat(RangeRequest.parse("bytes=50-1000", 100).range()).contains(new ByteRange(50, 99));
    }

    @Test
    void aRangeStartingPastTheEndIsUnsatisfiable() {
        assertThat(RangeRequest.parse("bytes=100-", 100).kind()).isEqualTo(RangeRequest.Kind.UNSATISFIABLE);
    }

    @Test
    void severalRangesAreAnsweredWithTheWholeResource() {
        assertThat(RangeRequest.parse("bytes=0-1,5-6", 100).kind()).isEqualTo(RangeRequest.Kind.WHOLE);
    }

    @Test
    void garbageIsIgnored() {
        assertThat(RangeRequest.parse("pages=1-2", 100).kind()).isEqualTo(RangeRequest.Kind.WHOLE);
        assertThat(RangeRequest.parse("bytes=9-3", 100).kind()).isEqualTo(RangeRequest.Kind.WHOLE);
    }
}
