package app.coherence.analysis;

import app.coherence.analysis.language.LanguageFeatures;
import app.coherence.analysis.voice.VoiceFeatures;
import app.coherence.analysis.voice.VoiceTrack;
import app.coherence.analysis.vision.VisionTrack;

/** Everything measured on one talk, the input of the rules and the score. */
public record TalkFeatures(double durationSeconds, LanguageFeatures language, VoiceTrack voiceTrack, VoiceFeatures voice,
                           VisionTrack vision) {

    public double minutes() {
        return durationSeconds / 60;
    }
}
