package app.coherence.analysis;

import app.coherence.analysis.decode.DamagedStretches;
import app.coherence.analysis.decode.DecodedMedia;
import app.coherence.analysis.decode.MediaDecoder;
import app.coherence.analysis.decode.MediaInfo;
import app.coherence.analysis.decode.MediaProbe;
import app.coherence.analysis.language.LanguageAnalyzer;
import app.coherence.analysis.language.LanguageFeatures;
import app.coherence.analysis.moments.MomentTimeline;
import app.coherence.analysis.rules.DissonanceRules;
import app.coherence.analysis.rules.Heatmap;
import app.coherence.analysis.score.CoherenceScorer;
import app.coherence.analysis.score.Feedback;
import app.coherence.analysis.score.MetricsBuilder;
import app.coherence.analysis.score.ScoreCard;
import app.coherence.analysis.speech.RecognizedWord;
import app.coherence.analysis.speech.SpeechRecognizer;
import app.coherence.analysis.speech.SpeechSession;
import app.coherence.analysis.speech.VoskSpeechRecognizer;
import app.coherence.analysis.vad.VoiceActivity;
import app.coherence.analysis.vision.VisionAnalyzer;
import app.coherence.analysis.vision.VisionTrack;
import app.coherence.analysis.voice.VoiceAnalyzer;
import app.coherence.analysis.voice.VoiceFeatureExtractor;
import app.coherence.analysis.voice.VoiceFeatures;
import app.coherence.analysis.voice.VoiceTrack;
import app.coherence.core.analysis.AnalysisOutput;
import app.coherence.core.analysis.MediaRejectedException;
import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.Metrics;
import app.coherence.core.analysis.ProgressListener;
import app.coherence.core.analysis.VideoAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysis engine: decode once (audio feeding speech and voice, sampled frames feeding vision, all
 * overlapping), then language → rules → score → feedback, into the result described in docs/ARCHITECTURE.md ("Data model").
 */
public final class CoherenceAnalyzer implements VideoAnalyzer {
    /** Stored with every result; bump when the numbers a talk gets would change. */
    public static final String PIPELINE_VERSION = "coherence-analysis/2.4";
    private static final Logger LOG = LoggerFactory.getLogger(CoherenceAnalyzer.class);
    /** Overall percent at which each stage starts (decode takes most of the time). */
    private static final int SPEECH_AT = 80;
    private static final int VISION_AT = 90;
    private static final int SCORING_AT = 95;

    private final SpeechRecognizer speech;
    private final AnalysisSettings settings;
    private final StageTimes stageTimes = new StageTimes();

    public CoherenceAnalyzer(SpeechRecognizer speech, AnalysisSettings settings) {
        this.speech = Objects.requireNonNull(speech);
        this.settings = Objects.requireNonNull(settings);
    }

    /** The production analyser: offline Vosk speech recognition, default settings. */
    public static CoherenceAnalyzer withDefaultSpeech() {
        return new CoherenceAnalyzer(new VoskSpeechRecognizer(), AnalysisSettings.DEFAULT);
    }

    /** Wall time and heap per stage of the most recent analysis (for the benchmark). */
    public StageTimes stageTimes() {
        return stageTimes;
    }

    /** Runs on a thread with a main thread's stack: see {@link AnalysisThread} for the crash that needs it. */
    @Override
    public AnalysisOutput analyze(Path videoFile, String videoId, ProgressListener progress) {
        return AnalysisThread.run("analysis", () -> analyzeHere(videoFile, videoId, progress));
    }

    private AnalysisOutput analyzeHere(Path videoFile, String videoId, ProgressListener progress) {
        Progress report = new Progress(progress);
        stageTimes.clear();
        report.at("decode", 0);
        MediaInfo info = new MediaProbe(settings).probe(videoFile);
        VoiceFeatureExtractor voiceFeatures = new VoiceFeatureExtractor();
        DecodedMedia decoded;
        List<RecognizedWord> words;
        List<TimeSpan> speechSpans;
        VisionTrack vision;
        try (VoiceActivity activity = VoiceActivity.silero();
                SpeechSession session = speech.start(activity);
                VisionAnalyzer looking = new VisionAnalyzer(info.durationSeconds() * 0.1)) {
            stageTimes.start("decode");
            double expected = info.durationSeconds() > 0 ? info.durationSeconds() : 60;
            decoded = new MediaDecoder(settings).decode(videoFile, info, (samples, start) -> {
                activity.accept(samples, samples.length); // first: the recogniser cuts its chunks by it
                session.accept(samples, samples.length);
                voiceFeatures.accept(samples, start);
            }, looking, seconds -> report.at("decode", (int) (SPEECH_AT * Math.min(1, seconds / expected))));
            stageTimes.start("speech");
            report.at("speech", SPEECH_AT);
            words = session.finish();
            stageTimes.threadCpu("speech", session.cpuSeconds());
            stageTimes.threadCpu("voice activity", activity.cpuSeconds());
            speechSpans = activity.speech();
            stageTimes.start("vision");
            report.at("vision", VISION_AT);
            vision = looking.finish();
            stageTimes.threadCpu("vision", looking.cpuSeconds());
        }
        VoiceTrack voiceTrack = voiceFeatures.finish();
        if (words.isEmpty() && speechSpans.isEmpty()) {
            // A silent track has nothing to coach; a clear error beats a meaningless "Needs Work".
            throw new MediaRejectedException(ErrorCode.NO_SPEECH,
                    "we heard no speech in this video: check that the microphone was on and unmuted");
        }
        stageTimes.start("scoring");
        report.at("scoring", SCORING_AT);
        VoiceFeatures voice = new VoiceAnalyzer().analyze(voiceTrack, speechSpans);
        LanguageFeatures language = new LanguageAnalyzer().analyze(words, voice.filledPauseCandidates());
        TalkFeatures talk = new TalkFeatures(decoded.durationSeconds(), language, voiceTrack, voice, vision);
        AnalysisResult result = assemble(videoId, talk).withWarnings(DamagedStretches.warnings(decoded.damaged()));
        stageTimes.stop();
        report.at("scoring", 100);
        LOG.info("Analysed {} ({} s): score {}, {} words, {} flags, {} frames sampled of {}", videoId,
                String.format("%.1f", decoded.durationSeconds()), result.coherenceScore(), language.spokenWordCount(),
                result.dissonanceFlags().size(), decoded.sampledFrames(), decoded.videoFrames());
        return new AnalysisOutput(result, vision.thumbnail());
    }

    /** Rules, score and feedback on measured features: the pure end of the pipeline. */
    public static AnalysisResult assemble(String videoId, TalkFeatures talk) {
        List<DissonanceFlag> flags = new DissonanceRules().find(talk);
        Metrics metrics = new MetricsBuilder().build(talk);
        ScoreCard card = new CoherenceScorer().score(metrics, flags, talk.durationSeconds());
        Feedback.Lists feedback = new Feedback().of(card, metrics, flags.size(), talk.language().hedges(),
                talk.language().repeatedPhrases());
        return new AnalysisResult(videoId, Math.round(talk.durationSeconds() * 100) / 100.0, card.score(),
                ScoreTier.of(card.score()), metrics, flags,
                new MomentTimeline().of(talk), Heatmap.of(flags, talk.durationSeconds()),
                feedback.strengths(), feedback.priorities(), talk.language().transcript(), PIPELINE_VERSION);
    }

    /** Forwards progress only when the stage or percent changes, never backwards. */
    private static final class Progress {
        private final ProgressListener listener;
        private String stage;
        private int percent = -1;

        Progress(ProgressListener listener) {
            this.listener = listener == null ? ProgressListener.NONE : listener;
        }

        synchronized void at(String stage, int percent) {
            int p = Math.max(this.percent, Math.min(100, percent));
            if (!stage.equals(this.stage) || p != this.percent) {
                if (this.stage != null && !stage.equals(this.stage) && stageOrder(stage) < stageOrder(this.stage)) {
                    return;
                }
                this.stage = stage;
                this.percent = p;
                listener.onProgress(stage, p);
            }
        }

        private static int stageOrder(String stage) {
            return List.of("decode", "speech", "vision", "scoring").indexOf(stage);
        }
    }
}
