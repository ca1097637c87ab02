package app.coherence.analysis.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.coherence.analysis.TimeSpan;
import app.coherence.analysis.testvideo.RoomHiss;
import app.coherence.analysis.testvideo.Voice;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VoiceActivityTest {
    private static final int RATE = VoiceActivity.SAMPLE_RATE;

    /** Audible level of a synthetic voice's loudest stretch, to tell where it truly starts and stops. */
    private static int[] bounds(short[] speech) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < speech.length; i++) {
            if (Math.abs(speech[i]) > 300) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return new int[] {first, last};
    }

    @Test
    void speechSpansFollowTheVoiceNotTheNoise_onTwoVoices() {
        for (Voice voice : List.of(Voice.KED_DIPHONE, Voice.AWB)) {
            short[] a = voice.speak("The results arrived on Monday morning.");
            short[] b = voice.speak("Everyone on the team was pleased.");
            int gap = (int) (1.2 * RATE);
            short[] audio = new short[RATE + a.length + gap + b.length + RATE];
            System.arraycopy(a, 0, audio, RATE, a.length);
            System.arraycopy(b, 0, audio, RATE + a.length + gap, b.length);
            RoomHiss.add(audio, 40, 3); // a quiet room, never digital silence
            VoiceActivity activity = VoiceActivity.silero();
            for (int from = 0; from < audio.length; from += 1000) {
                short[] piece = java.util.Arrays.copyOfRange(audio, from, Math.min(audio.length, from + 1000));
                activity.accept(piece, piece.length);
            }
            int[] first = bounds(a);
            int[] second = bounds(b);
            double silenceFrom = (RATE + first[1]) / (double) RATE;
            double silenceTo = (RATE + a.length + gap + second[0]) / (double) RATE;
            List<TimeSpan> speech = activity.speech();
            // the one long silence is where the sentences are apart, within a tenth or two of a second
            List<TimeSpan> gaps = new java.util.ArrayList<>();
            for (int i = 1; i < speech.size(); i++) {
                if (speech.get(i).start() - speech.get(i - 1).end() >= 0.5) {
                    gaps.add(new TimeSpan(speech.get(i - 1).end(), speech.get(i).start()));
                }
            }
            assertThat(gaps).as(voice.label()).hasSize(1);
            assertThat(gaps.get(0).start()).as(voice.label()).isCloseTo(silenceFrom, within(0.2));
            assertThat(gaps.get(0).end()).as(voice.label()).isCloseTo(silenceTo, within(0.2));
            assertThat(speech.get(0).start()).as(voice.label()).isCloseTo((RATE + first[0]) / (double) RATE, within(0.2));
        }
    }

    @Test
    void roomNoiseAloneIsNoSpeech() {
        Random random = new Random(5);
        short[] noise = new short[5 * RATE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) Math.round(random.nextGaussian() * 800);
        }
        VoiceActivity activity = VoiceActivity.silero();
        activity.accept(noise, noise.length);
        assertThat(activity.speech()).isEmpty();
        assertThat(activity.decidedSamples()).isEqualTo(noise.length / VoiceActivity.WINDOW * VoiceActivity.WINDOW);
    }

    @Test
    void twoStreamsJudgedAtOnceKeepTheirOwnState() {
        // each stream reads and writes its own buffers: voice in one must not leak into the other, fed in turn
        short[] words = Voice.AWB.speak("The results arrived on Monday morning.");
        short[] speech = new short[RATE + words.length + RATE];
        System.arraycopy(words, 0, speech, RATE, words.length);
        short[] noise = new short[speech.length];
        Random random = new Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) Math.round(random.nextGaussian() * 800);
        }
        try (VoiceActivity talking = VoiceActivity.silero(); VoiceActivity quiet = VoiceActivity.silero()) {
            for (int from = 0; from < speech.length; from += 700) {
                int n = Math.min(700, speech.length - from);
                talking.accept(java.util.Arrays.copyOfRange(speech, from, from + n), n);
                quiet.accept(java.util.Arrays.copyOfRange(noise, from, from + n), n);
            }
            assertThat(quiet.speech()).isEmpty();
            int[] b = bounds(words);
            List<TimeSpan> spans = talking.speech();
            assertThat(spans).isNotEmpty();
            assertThat(spans.get(0).start()).isCloseTo((RATE + b[0]) / (double) RATE, within(0.2));
            assertThat(spans.get(spans.size() - 1).end()).isCloseTo((RATE + b[1]) / (double) RATE, within(0.3));
            assertThat(talking.cpuSeconds()).isPositive();
        }
    }

    @Test
    void digitalSilenceIsSkippedAndTheSpeechAfterItStillFound_roomNoiseNeverIs() {
        short[] a = Voice.KED_DIPHONE.speak("The results arrived on Monday morning.");
        short[] b = Voice.KED_DIPHONE.speak("Everyone on the team was pleased.");
        int gap = 3 * RATE; // a noise gate's digital zeros between the sentences
        short[] audio = new short[RATE / 2 + a.length + gap + b.length + RATE / 2];
        System.arraycopy(a, 0, audio, RATE / 2, a.length);
        System.arraycopy(b, 0, audio, RATE / 2 + a.length + gap, b.length);
        try (VoiceActivity activity = VoiceActivity.silero()) {
            activity.accept(audio, audio.length);
            int[] second = bounds(b);
            List<TimeSpan> speech = activity.speech();
            // most of the 3 s of zeros is never shown to the model, and the second sentence still starts where it does
            assertThat(activity.skippedWindows()).isGreaterThan(2 * RATE / VoiceActivity.WINDOW);
            TimeSpan last = speech.get(speech.size() - 1);
            double secondStart = (RATE / 2 + a.length + gap + second[0]) / (double) RATE;
            assertThat(speech.stream().filter(s -> s.start() > secondStart - 1).findFirst().orElseThrow().start())
                    .isCloseTo(secondStart, within(0.2));
            assertThat(last.end()).isCloseTo((RATE / 2 + a.length + gap + second[1]) / (double) RATE, within(0.3));
        }
        // the same talk with a quiet room's hiss (about -58 dBFS) instead of zeros: every window goes to the model
        short[] room = RoomHiss.over(audio, 40, 11);
        try (VoiceActivity activity = VoiceActivity.silero()) {
            activity.accept(room, room.length);
            assertThat(activity.skippedWindows()).isZero();
        }
    }
}
