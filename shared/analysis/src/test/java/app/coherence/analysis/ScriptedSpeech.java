package app.coherence.analysis;

import app.coherence.analysis.speech.RecognizedWord;
import app.coherence.analysis.speech.SpeechRecognizer;
import app.coherence.analysis.speech.SpeechSession;
import java.util.List;

/**
 * A stand-in for the external speech model in pipeline tests: it consumes the audio like a real
 * session and "hears" a script of words (e.g. a generated talk's truth, fillers left out as Vosk does).
 */
public final class ScriptedSpeech implements SpeechRecognizer {
    private final List<RecognizedWord> words;
    private long samples;

    public ScriptedSpeech(List<RecognizedWord> words) {
        this.words = List.copyOf(words);
    }

    /** Samples fed to the last session. */
    public long samplesHeard() {
        return samples;
    }

    @Override
    public SpeechSession start() {
        samples = 0;
        return new SpeechSession() {
            @Override
            public void accept(short[] chunk, int count) {
                samples += count;
            }

            @Override
            public List<RecognizedWord> finish() {
                double heard = samples / 16_000.0;
                return words.stream().filter(w -> w.start() < heard).toList();
            }

            @Override
            public void close() {
            }
        };
    }
}
