package app.coherence.analysis.speech;

import app.coherence.analysis.vad.VoiceActivity;

/** Offline speech to text with word timings; a cloud recogniser can implement it later. */
public interface SpeechRecognizer {

    /** Starts recognising one 16 kHz mono PCM stream, fed in order by the decoding thread. */
    SpeechSession start();

    /**
     * Starts recognising a stream whose voice activity is judged as it arrives ({@code activity} is fed every
     * sample before the session is); a recogniser may cut and skip audio by it. By default it is ignored.
     */
    default SpeechSession start(VoiceActivity activity) {
        return start();
    }
}
