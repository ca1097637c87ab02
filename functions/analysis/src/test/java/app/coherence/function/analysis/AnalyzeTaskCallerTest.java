package app.coherence.function.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.json.Json;
import app.coherence.core.job.JobSettings;
import app.coherence.embedded.task.SharedSecretTaskCallerCheck;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The task target's guards. Every port handed to the job is null: any call past the guards would
 * fail with a 500, so a 401/400 here also proves nothing was read, run or written.
 */
class AnalyzeTaskCallerTest {
    private final SharedSecretTaskCallerCheck check = new SharedSecretTaskCallerCheck(SharedSecretTaskCallerCheck.newSecret());
    private final HttpFunction analyzeTask = new AnalysisFunctionConfiguration().analyzeTask(check,
            new AnalysisFunctionConfiguration().analysisJob(null, null, null, null, null, JobSettings.defaults(),
                    Clock.systemUTC()));

    private static HttpCall post(Map<String, List<String>> headers, String body) {
        return new HttpCall("POST", "/tasks/analyze", Map.of(), headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static String code(HttpReply reply) {
        return Json.tree(reply.body()).path("error").path("code").asText();
    }

    @Test
    void analyze_shouldAnswer401WithoutTheTaskSecret() {
        HttpReply none = analyzeTask.apply(post(Map.of(), "{\"videoId\":\"v1\"}"));
        assertThat(none.status()).isEqualTo(401);
        assertThat(code(none)).isEqualTo("UNAUTHENTICATED");

        HttpReply wrong = analyzeTask.apply(post(Map.of("x-coherence-task-secret", List.of("not-the-secret-at-all")),
                "{\"videoId\":\"v1\"}"));
        assertThat(wrong.status()).isEqualTo(401);

        HttpReply userToken = analyzeTask.apply(post(Map.of("authorization", List.of("Bearer some-user-id-token")),
                "{\"videoId\":\"v1\"}"));
        assertThat(userToken.status()).isEqualTo(401);
    }

    @Test
    void analyze_shouldAnswer400ForMalformedBodiesFromTheQueue() {
        Map<String, List<String>> fromQueue = Map.of("x-coherence-task-secret", List.of(check.secret()));
        for (String body : new String[] {null, "", "not json", "[1,2]", "{}", "{\"videoId\":\"  \"}", "null"}) {
            HttpReply reply = analyzeTask.apply(post(fromQueue, body));
            assertThat(reply.status()).as("body %s", body).isEqualTo(400);
            assertThat(code(reply)).as("body %s", body).isEqualTo("MALFORMED_REQUEST");
        }
    }

    @Test
    void analyze_shouldAnswer405And404OutsideItsRoute() {
        assertThat(analyzeTask.apply(HttpCall.of("GET", "/tasks/analyze")).status()).isEqualTo(405);
        assertThat(analyzeTask.apply(HttpCall.of("POST", "/tasks/other")).status()).isEqualTo(404);
    }
}
