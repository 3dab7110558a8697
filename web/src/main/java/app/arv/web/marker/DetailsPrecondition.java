package app.arv.web.marker;

import app.arv.persistence.marker.ArContent;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A change's {@code If-Match}, judged on the details: it holds when the content's details are still those of one of the
 * listed ETags ({@link ArContent#sameDetails}), so a marker that compiled since the client read the content (its status,
 * result and quality written by the job) is no reason for 412, whereas another client's change of the details is. No
 * header: unconditional; {@code *}: any content that exists. A weak tag never matches: If-Match compares strongly, and
 * this API only gives strong ones.
 */
final class DetailsPrecondition {

    private DetailsPrecondition() {
    }

    /** @param ifMatch the request's If-Match lines ({@code null} or empty without one) */
    static Predicate<ArContent> of(List<String> ifMatch) {
        if (ifMatch == null || ifMatch.isEmpty()) {
            return content -> true;
        }
        List<String> tags = ifMatch.stream().flatMap(line -> Arrays.stream(line.split(","))).map(String::strip).toList();
        if (tags.contains("*")) {
            return content -> true;
        }
        List<String> strong = tags.stream().filter(tag -> tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\""))
                .map(tag -> tag.substring(1, tag.length() - 1)).toList();
        return content -> strong.stream().anyMatch(content::sameDetails);
    }
}
