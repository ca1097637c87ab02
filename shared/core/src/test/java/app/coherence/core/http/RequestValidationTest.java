package app.coherence.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.history.HistoryService;
import app.coherence.core.upload.UploadRequest;
import app.coherence.core.upload.UploadRules;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One rule per field, whichever endpoint takes it; bodies read strictly; messages in the client's words. */
class RequestValidationTest {
    private static final UploadRules RULES = UploadRules.defaults();

    private static HttpCall body(String json) {
        return new HttpCall("POST", "/v1/uploads", Map.of(), Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static CoherenceException reserveFails(String json) {
        return catchThrowableOfType(() -> RULES.validate(body(json).jsonBody(UploadRequest.class)), CoherenceException.class);
    }

    @Test
    void sizeBytes_takesOnlyAWholeJsonNumber() {
        assertThat(RULES.validate(body("{\"title\":\"Demo\",\"contentType\":\"video/mp4\",\"sizeBytes\":100}")
                .jsonBody(UploadRequest.class))).isEqualTo("Demo");
        for (String size : new String[] {"1.5", "\"100\"", "true", "\"\""}) {
            CoherenceException e = reserveFails("{\"title\":\"Demo\",\"contentType\":\"video/mp4\",\"sizeBytes\":" + size + "}");
            assertThat(e).as(size).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
            assertThat(e.getMessage()).isEqualTo("sizeBytes must be a whole number");
        }
    }

    @Test
    void textFields_takeOnlyStrings() {
        CoherenceException e = reserveFails("{\"title\":42,\"contentType\":\"video/mp4\",\"sizeBytes\":100}");
        assertThat(e.getMessage()).isEqualTo("title must be a string");
    }

    @Test
    void errorMessages_neverNameOurClasses() {
        for (String json : new String[] {"[1,2]", "\"text\"", "{\"sizeBytes\":{}}", "{\"title\":", "{\"title\":[\"a\"]}"}) {
            CoherenceException e = reserveFails(json);
            assertThat(e).as(json).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
            assertThat(e.getMessage()).as(json).doesNotContain("app.coherence").doesNotContain("java.").doesNotContain("`");
        }
    }

    @Test
    void title_sameRuleForReserveAndRename() {
        for (String bad : new String[] {"Talk\u0000", "Bell\u0007", "evil\u202Eexe.mp4", "x".repeat(201)}) {
            CoherenceException onReserve = catchThrowableOfType(
                    () -> RULES.validate(new UploadRequest(bad, "video/mp4", 100L)), CoherenceException.class);
            CoherenceException onRename = catchThrowableOfType(() -> HistoryService.validTitle(bad), CoherenceException.class);
            assertThat(onReserve).as(bad).isNotNull();
            assertThat(onRename).as(bad).isNotNull();
            assertThat(onReserve.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(onRename.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        }
        assertThat(RULES.validate(new UploadRequest("  Quarterly review 🎤  ", "video/mp4", 100L))).isEqualTo("Quarterly review 🎤");
        assertThat(HistoryService.validTitle("  Quarterly review 🎤  ")).isEqualTo("Quarterly review 🎤");
        assertThat(RULES.validate(new UploadRequest(null, "video/mp4", 100L))).isEqualTo("Untitled talk");
    }
}
