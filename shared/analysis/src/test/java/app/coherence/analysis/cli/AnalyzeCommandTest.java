package app.coherence.analysis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.coherence.analysis.testvideo.GeneratedTalk;
import app.coherence.analysis.testvideo.TestTalks;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(String... args) {
        return AnalyzeCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, args);
    }

    private String errLines() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badArguments_exit2_withOneReadableLine() {
        assertThat(run()).isEqualTo(2);
        assertThat(errLines()).startsWith("analyze: missing VIDEO").hasLineCount(1);
        err.reset();
        assertThat(run("a.mp4", "--color")).isEqualTo(2);
        assertThat(errLines()).contains("unknown option --color").hasLineCount(1);
        err.reset();
        assertThat(run(dir.resolve("nope.mp4").toString())).isEqualTo(2);
        assertThat(errLines()).contains("no readable file").hasLineCount(1);
        err.reset();
        assertThat(run("x.mp4", "--json")).isEqualTo(2);
        assertThat(errLines()).contains("--json needs a file name").hasLineCount(1);
    }

    @Test
    void notAVideo_exit3_withTheReason() {
        assertThat(run(TestTalks.textAsMp4().toString())).isEqualTo(3);
        assertThat(errLines()).contains("INVALID_MEDIA", "not a readable video").hasLineCount(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** The real recogniser end to end: Vosk hears the festival voice; the voice finds the fillers Vosk drops. */
    @Test
    void standardTalk_withVosk_writesReportsAndPrintsASummary() throws Exception {
        GeneratedTalk talk = TestTalks.standard();
        Path json = dir.resolve("r.json");
        Path html = dir.resolve("r.html");
        assertThat(run(talk.file().toString(), "--json", json.toString(), "--html", html.toString())).isEqualTo(0);
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("coherence ", "/100", "pace ", "JSON: " + json, "HTML: " + html);
        AnalysisResult r = Json.read(Files.readAllBytes(json), AnalysisResult.class);
        assertThat(r.metrics().speakingPace()).isCloseTo(talk.wordsPerMinuteOverSpeakingTime(), within(talk.wordsPerMinuteOverSpeakingTime() * 0.1));
        assertThat(r.metrics().fillerWords()).isBetween(2, 4);
        assertThat(Files.readString(html)).contains("<svg", "Transcript");
        assertThat(errLines()).isEmpty();
    }
}
