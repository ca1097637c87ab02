package app.coherence.analysis.speech;

/** Offline speech to text with word timings; a cloud recogniser can implement it later. */
public interface SpeechRecognizer {

    /** Starts recognising one 16 kHz mono PCM stream, fed in order by the decoding thread. */
    SpeechSession start();
}
