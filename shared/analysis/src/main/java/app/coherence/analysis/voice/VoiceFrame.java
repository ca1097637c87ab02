package app.coherence.analysis.voice;

/**
 * 50 ms of sound summarised.
 *
 * @param time        start of the frame in seconds
 * @param loudnessDb  RMS level in dB relative to full scale (-100 for digital silence)
 * @param pitchHz     fundamental frequency by YIN, 0 when unvoiced
 * @param spectralChange cosine distance between this frame's log spectrum and the previous one (0-1)
 * @param brightness  share of the 0-4 kHz power above 600 Hz: a vowel has plenty, a nasal hum ("m") almost none
 */
public record VoiceFrame(double time, double loudnessDb, double pitchHz, double spectralChange, double brightness) {

    public boolean voiced() {
        return pitchHz > 0;
    }

    /** Pitch in semitones above 55 Hz (so ratios become differences); NaN when unvoiced. */
    public double semitones() {
        return pitchHz > 0 ? 12 * Math.log(pitchHz / 55.0) / Math.log(2) : Double.NaN;
    }
}
