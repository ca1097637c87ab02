package app.coherence.analysis.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.analysis.CoherenceAnalyzer;
import app.coherence.analysis.rules.TestTalk;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.TranscriptSegment;
import app.coherence.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static AnalysisResult hostile() {
        AnalysisResult r = CoherenceAnalyzer.assemble("<script>alert(1)</script>",
                new TestTalk(60).speech(1, 59).say(20, "as you can see").say(30, "um").features());
        List<TranscriptSegment> transcript = new ArrayList<>(r.transcript());
        transcript.add(new TranscriptSegment("<img src=x onerror=alert(2)>", 58, 59, 0.5,
                List.of(new TranscriptSegment.Word("<img src=x onerror=alert(2)>", 58, 59, false),
                        new TranscriptSegment.Word("\"um\"&", 59, 59.2, true))));
        return new AnalysisResult(r.videoId(), r.durationSeconds(), r.coherenceScore(), r.scoreTier(), r.metrics(),
                r.dissonanceFlags(), r.moments(), r.timelineHeatmap(), r.strengths(), r.priorities(), transcript, r.pipelineVersion());
    }

    @Test
    void render_escapesEveryText_andHasNoScript() {
        String html = new HtmlReport().render(hostile());
        assertThat(html).doesNotContain("<script", "<img", "onerror=alert(2)>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
                "<span class=\"filler\">&quot;um&quot;&amp;</span>");
    }

    @Test
    void render_showsScoreBarsTimelineFlagsAndFillers() {
        AnalysisResult r = hostile();
        String html = new HtmlReport().render(r);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "class=\"band\"", "Speaking pace",
                "<span class=\"score\">" + r.coherenceScore() + "</span>");
        for (DissonanceFlag f : r.dissonanceFlags()) {
            assertThat(html).contains(HtmlReport.esc(f.description()), HtmlReport.esc(f.coaching()));
        }
        assertThat(html).contains("<span class=\"filler\">um,</span>"); // as written: a comma after a hesitation
    }

    @Test
    void render_showsTheTranscriptAsWrittenSentences_orAsHeardWhereTheTextDoesNotLineUp() {
        AnalysisResult r = hostile();
        List<TranscriptSegment> transcript = List.of(
                new TranscriptSegment("Um, today I will show you our product.", 1, 4, 0.9, words(1, "um", "today", "i", "will", "show", "you", "our", "product")),
                new TranscriptSegment("We grew by 20%.", 5, 7, 0.9, words(5, "we", "grew", "by", "twenty", "percent")));
        String html = new HtmlReport().render(new AnalysisResult(r.videoId(), r.durationSeconds(), r.coherenceScore(), r.scoreTier(),
                r.metrics(), r.dissonanceFlags(), r.moments(), r.timelineHeatmap(), r.strengths(), r.priorities(), transcript,
                r.pipelineVersion()));
        assertThat(html).contains("<span class=\"filler\">Um,</span> today I will show you our product. </p>",
                "</span> we grew by twenty percent </p>");
    }

    /** Words 0.3 s apart as heard; "um" is a filler. */
    private static List<TranscriptSegment.Word> words(double from, String... heard) {
        List<TranscriptSegment.Word> out = new ArrayList<>();
        for (int i = 0; i < heard.length; i++) {
            out.add(new TranscriptSegment.Word(heard[i], from + 0.3 * i, from + 0.3 * i + 0.25, heard[i].equals("um")));
        }
        return out;
    }

    @Test
    void json_roundTripsThroughTheCoreMapper() {
        AnalysisResult r = hostile();
        String json = new JsonReport().render(r);
        assertThat(Json.read(json, AnalysisResult.class)).isEqualTo(r);
        assertThat(Json.tree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).path("metrics").has("speakingPaceTarget")).isTrue();
    }
}
