package app.coherence.analysis.vad;

import app.coherence.analysis.testvideo.Festival;

/** Scratch: times the VAD on festival speech. */
public final class VadProbe {
    public static void main(String[] args) {
        Festival.Speech s = Festival.inTarget().speak("Good morning everyone, and thank you for joining this quarterly review. Today I will walk you through our results.");
        
        VoiceActivity warm = VoiceActivity.silero();
        warm.accept(s.samples(), s.samples().length);
        long t0 = System.nanoTime();
        int reps = 20;
        for (int r = 0; r < reps; r++) {
            VoiceActivity v = VoiceActivity.silero();
            v.accept(s.samples(), s.samples().length);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("audio %.1f s x %d in %.2f s: RTF %.4f%n", s.seconds(), reps, secs, secs / (s.seconds() * reps));
        System.out.println(warm.speech());
        System.out.println(s.words());
    }
}
