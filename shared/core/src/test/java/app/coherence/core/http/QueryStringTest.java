package app.coherence.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void decodesNamesAndValues_keepingRepeatsInOrder() {
        Map<String, List<String>> q = QueryString.parse("sort=score&title=Q3%20review+deck&sort=date&flag&=x&&");

        assertThat(q).containsExactly(
                Map.entry("sort", List.of("score", "date")),
                Map.entry("title", List.of("Q3 review deck")),
                Map.entry("flag", List.of("")),
                Map.entry("", List.of("x")));
        assertThat(QueryString.firstValues("sort=score&sort=date")).containsExactly(Map.entry("sort", "score"));
    }

    @Test
    void nothing_isAnEmptyMap() {
        assertThat(QueryString.parse(null)).isEmpty();
        assertThat(QueryString.parse("")).isEmpty();
    }

    @Test
    void aBadEscape_isTheClientsMistake() {
        for (String bad : List.of("cursor=%zz", "cursor=abc%", "title=50%")) {
            assertThatThrownBy(() -> QueryString.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(CoherenceException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
                        assertThat(e.code().httpStatus()).isEqualTo(400);
                    });
        }
    }
}
