package app.coherence.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreTierTest {

    @Test
    void fromStored_shouldReadTheNameAndTheLabelOlderDocumentsHold() {
        assertThat(ScoreTier.fromStored("GOOD_START")).isEqualTo(ScoreTier.GOOD_START);
        assertThat(ScoreTier.fromStored("Good Start")).isEqualTo(ScoreTier.GOOD_START);
        assertThat(ScoreTier.fromStored("Needs Work")).isEqualTo(ScoreTier.NEEDS_WORK);
        assertThat(ScoreTier.fromStored(null)).isNull();
    }

    @Test
    void fromStored_shouldRefuseAnUnknownTierByName() {
        assertThatThrownBy(() -> ScoreTier.fromStored("Excellent"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Excellent");
    }

    @Test
    void json_shouldSendTheNameWithTheLabelBesideIt_andReadAnOlderResultsLabel() {
        AnalysisResult result = new AnalysisResult("v1", 60.0, 80, ScoreTier.STRONG, null, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), "test");
        JsonNode sent = Json.mapper().valueToTree(result);
        assertThat(sent.path("scoreTier").asText()).isEqualTo("STRONG");
        assertThat(sent.path("scoreTierLabel").asText()).isEqualTo("Strong");
        assertThat(Json.mapper().convertValue(sent, AnalysisResult.class).scoreTier()).isEqualTo(ScoreTier.STRONG);

        String older = "{\"videoId\":\"v0\",\"durationSeconds\":30,\"coherenceScore\":55,\"scoreTier\":\"Good Start\"}";
        assertThat(Json.read(older, AnalysisResult.class).scoreTier()).isEqualTo(ScoreTier.GOOD_START);
    }
}
