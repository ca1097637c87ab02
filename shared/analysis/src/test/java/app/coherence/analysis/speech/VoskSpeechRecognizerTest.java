package app.coherence.analysis.speech;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.analysis.testvideo.GeneratedTalk;
import app.coherence.analysis.testvideo.SoundTrack;
import app.coherence.analysis.testvideo.TestTalks;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VoskSpeechRecognizerTest {
    private static final VoskSpeechRecognizer RECOGNIZER = new VoskSpeechRecognizer();

    @BeforeAll
    static void loadModel() {
        VoskSpeechRecognizer.preload();
    }

    private static List<RecognizedWord> recognise(short[] audio, VoskSpeechSession[] sessionOut) {
        try (VoskSpeechSession session = RECOGNIZER.start()) {
            // fed as a decoder would: in pieces of a few hundred samples
            for (int from = 0; from < audio.length; from += 1_024) {
                int n = Math.min(1_024, audio.length - from);
                short[] piece = new short[n];
                System.arraycopy(audio, from, piece, 0, n);
                session.accept(piece, n);
            }
            List<RecognizedWord> words = session.finish();
            if (sessionOut != null) {
                sessionOut[0] = session;
            }
            return words;
        }
    }

    @Test
    void generatedTalk_isTranscribedWithFewErrorsAndAccurateTimings() {
        GeneratedTalk talk = TestTalks.standard();
        short[] audio = SoundTrack.read16k(talk.file());
        VoskSpeechSession[] session = new VoskSpeechSession[1];

        List<RecognizedWord> words = recognise(audio, session);

        List<String> reference = talk.words().stream().map(GeneratedTalk.Word::word).toList();
        List<String> hypothesis = words.stream().map(RecognizedWord::text).toList();
        WordErrorRate wer = WordErrorRate.of(reference, hypothesis);
        double worstTimingError = 0;
        for (WordErrorRate.Match m : wer.matches) {
            GeneratedTalk.Word truth = talk.words().get(m.reference());
            RecognizedWord heard = words.get(m.hypothesis());
            worstTimingError = Math.max(worstTimingError,
                    Math.max(Math.abs(truth.start() - heard.start()), Math.abs(truth.end() - heard.end())));
        }
        RecognitionStats stats = session[0].stats();
        System.out.printf("WER %.3f over %d words; worst timing error %.2f s; %d chunks; RTF %.3f%n",
                wer.rate, reference.size(), worstTimingError, stats.chunks(), stats.realTimeFactor());

        assertThat(wer.rate).isLessThan(0.15);
        assertThat(worstTimingError).isLessThan(0.5);
        assertThat(words).allSatisfy(w -> {
            assertThat(w.end()).isGreaterThanOrEqualTo(w.start());
            assertThat(w.confidence()).isBetween(0.0, 1.0);
        });
        assertThat(words).isSortedAccordingTo((a, b) -> Double.compare(a.start(), b.start()));
        assertThat(stats.chunks()).as("a minute of speech is split for both cores").isGreaterThanOrEqualTo(3);
        assertThat(stats.audioSeconds()).isCloseTo(audio.length / 16_000.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void oneThread_holdsAtMostTwoChunks_whateverTheLength() {
        GeneratedTalk talk = TestTalks.noFace();
        short[] audio = SoundTrack.read16k(talk.file());
        VoskSpeechRecognizer single = new VoskSpeechRecognizer(1, new VoskSpeechSession.ChunkPolicy(2, 5, 0.3));
        try (VoskSpeechSession session = single.start()) {
            session.accept(audio, audio.length); // all at once: only backpressure keeps memory bounded

            List<RecognizedWord> words = session.finish();

            assertThat(session.stats().chunks()).isGreaterThanOrEqualTo(4);
            assertThat(session.stats().mostChunksHeld()).isBetween(1, 2);
            assertThat(words).hasSizeGreaterThan(talk.words().size() * 8 / 10);
        }
    }

    @Test
    void manySmallChunksOnTwoLanes_giveTheSameWordsEveryTime_onTheStreamsClock() {
        GeneratedTalk talk = TestTalks.standard();
        short[] audio = SoundTrack.read16k(talk.file());
        // 2-5 s chunks: each lane's recogniser hears many chunks, so its word times must be mapped back each time
        VoskSpeechRecognizer lanes = new VoskSpeechRecognizer(2, new VoskSpeechSession.ChunkPolicy(2, 5, 0.3));

        List<RecognizedWord> first = recogniseWith(lanes, audio);
        List<RecognizedWord> second = recogniseWith(lanes, audio);

        // chunks go to lanes by index, not by which thread is free; Vosk itself varies in the last digits of
        // its confidences from run to run (even one recogniser on one thread), so compare the words heard
        assertThat(WordErrorRate.of(first.stream().map(RecognizedWord::text).toList(),
                second.stream().map(RecognizedWord::text).toList()).rate).isLessThan(0.02);
        WordErrorRate wer = WordErrorRate.of(talk.words().stream().map(GeneratedTalk.Word::word).toList(),
                first.stream().map(RecognizedWord::text).toList());
        assertThat(wer.rate).isLessThan(0.15);
        for (WordErrorRate.Match m : wer.matches) {
            GeneratedTalk.Word truth = talk.words().get(m.reference());
            assertThat(first.get(m.hypothesis()).start()).as("start of '%s'", truth.word())
                    .isCloseTo(truth.start(), org.assertj.core.data.Offset.offset(0.5));
        }
    }

    @Test
    void closingMidRecognition_stopsAtOnce_andTheSessionTakesNoMoreAudio() {
        GeneratedTalk talk = TestTalks.standard();
        short[] audio = SoundTrack.read16k(talk.file());
        VoskSpeechSession session = new VoskSpeechRecognizer(2, new VoskSpeechSession.ChunkPolicy(2, 5, 0.3)).start();
        session.accept(audio, audio.length / 2);

        long started = System.nanoTime();
        session.close();

        assertThat((System.nanoTime() - started) / 1e9).as("close waits for a quarter second of audio, not the chunks")
                .isLessThan(2.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.accept(audio, 100))
                .isInstanceOf(IllegalStateException.class);
    }

    private static List<RecognizedWord> recogniseWith(VoskSpeechRecognizer recognizer, short[] audio) {
        try (VoskSpeechSession session = recognizer.start()) {
            session.accept(audio, audio.length);
            return session.finish();
        }
    }

    @Test
    void silence_yieldsNoWords() {
        assertThat(recognise(new short[16_000 * 5], null)).isEmpty();
    }

    @Test
    void noAudioAtAll_yieldsNoWords() {
        try (VoskSpeechSession session = RECOGNIZER.start()) {
            assertThat(session.finish()).isEmpty();
            assertThat(session.stats().chunks()).isZero();
        }
    }
}
