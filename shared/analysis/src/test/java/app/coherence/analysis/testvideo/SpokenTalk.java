package app.coherence.analysis.testvideo;

import app.coherence.analysis.testvideo.GeneratedTalk.FillerMark;
import app.coherence.analysis.testvideo.GeneratedTalk.Span;
import app.coherence.analysis.testvideo.GeneratedTalk.Word;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A talk spoken by one {@link Voice}, fillers included: the voice itself says "um", "uh", "er" as words
 * (some stretched), at clause starts and mid-sentence, so no filler has a shape made for a detector.
 *
 * <p>The script is text with marks in braces: {@code {p 0.8}} is 0.8 s of silence, {@code {um}} a filler
 * at normal speed, {@code {uh 2.5}} one stretched 2.5 times. Each run of text between marks is spoken on its
 * own. The truth (fillers, pauses, speaking time) is read off the clean track before it is encoded: where
 * the voice is silent is known sample by sample, not guessed by any detector of the pipeline.
 */
public final class SpokenTalk {
    /** A silence at least this long is a pause (the pipeline's definition, seconds). */
    public static final double PAUSE_SECONDS = 0.5;
    /** 10 ms frames below this RMS (16-bit units, about -54 dBFS) are silent in the clean synthetic track. */
    private static final double SILENT_RMS = 64;
    private static final int FRAME = 160;
    private static final Pattern MARK = Pattern.compile("\\{(p|um|uh|er)(?:\\s+([0-9.]+))?}");
    /** Room noise under the whole track (RMS, 16-bit units: about -60 dBFS): no real microphone is silent. */
    private static final double ROOM_NOISE = 30;

    /** What the talk truly holds: spoken words (fillers excluded), fillers, pauses and speaking time. */
    public record Truth(List<String> words, List<FillerMark> fillers, List<Span> pauses, double speakingSeconds,
                        double durationSeconds) {

        /** Words per minute over the speaking time (fillers not counted as words). */
        public double pace() {
            return speakingSeconds == 0 ? 0 : words.size() * 60 / speakingSeconds;
        }

        /** Pauses of at least {@code seconds}. */
        public List<Span> pausesOf(double seconds) {
            return pauses.stream().filter(p -> p.seconds() >= seconds).toList();
        }
    }

    /** The rendered video (H.264 + AAC, a still presenter) and its truth. */
    public record Rendered(GeneratedTalk video, Truth truth) {
    }

    private final Voice voice;
    private final String script;

    public SpokenTalk(Voice voice, String script) {
        this.voice = voice;
        this.script = script;
    }

    /** Speaks the script and renders it as a 320x240, 10 fps mp4 at {@code file}. */
    public Rendered render(Path file) {
        short[] audio = new short[Voice.SAMPLE_RATE * 60];
        int length = 0;
        List<String> words = new ArrayList<>();
        List<FillerMark> fillers = new ArrayList<>();
        Matcher m = MARK.matcher(script);
        int at = 0;
        List<Object[]> parts = new ArrayList<>();
        while (m.find()) {
            parts.add(new Object[] {"say", script.substring(at, m.start())});
            parts.add(new Object[] {m.group(1), m.group(2)});
            at = m.end();
        }
        parts.add(new Object[] {"say", script.substring(at)});
        for (Object[] part : parts) {
            String kind = (String) part[0];
            short[] sound;
            if (kind.equals("say")) {
                String text = ((String) part[1]).trim();
                if (text.replaceAll("[^A-Za-z]", "").isEmpty()) {
                    continue;
                }
                sound = trim(voice.speak(text));
                for (String w : text.toLowerCase(Locale.ROOT).split("\\s+")) {
                    String bare = w.replaceAll("[^a-z']", "");
                    if (!bare.isEmpty()) {
                        words.add(bare);
                    }
                }
            } else if (kind.equals("p")) {
                sound = new short[(int) Math.round(Double.parseDouble((String) part[1]) * Voice.SAMPLE_RATE)];
            } else {
                double stretch = part[1] == null ? 1 : Double.parseDouble((String) part[1]);
                sound = trim(voice.speak(kind, stretch));
                double start = (double) length / Voice.SAMPLE_RATE;
                fillers.add(new FillerMark(kind, start, start + (double) sound.length / Voice.SAMPLE_RATE));
            }
            if (length + sound.length > audio.length) {
                audio = Arrays.copyOf(audio, Math.max(audio.length * 2, length + sound.length));
            }
            System.arraycopy(sound, 0, audio, length, sound.length);
            length += sound.length;
        }
        // a second of room before and after, as a recording has
        int lead = Voice.SAMPLE_RATE;
        short[] track = new short[length + 2 * lead];
        System.arraycopy(audio, 0, track, lead, length);
        List<FillerMark> shifted = fillers.stream()
                .map(f -> new FillerMark(f.word(), f.start() + 1, f.end() + 1)).toList();
        Truth truth = truth(track, words, shifted);
        RoomHiss.add(track, ROOM_NOISE, 11);
        double duration = (double) track.length / Voice.SAMPLE_RATE;
        // word timings are not known per word for every engine: the words are spread over the speaking time
        List<Word> timed = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            timed.add(new Word(words.get(i), 1 + i * (duration - 2) / words.size(), 1 + (i + 1) * (duration - 2) / words.size()));
        }
        GeneratedTalk talk = new GeneratedTalk(file, duration, 320, 240, 10, true, true, timed, shifted, List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
        new TalkRenderer(talk, List.of(new TalkScript.Slide(0, voice.label())), track, false).write();
        return new Rendered(talk, truth);
    }

    /** Cuts the engine's leading and trailing silence, so the script's marks alone decide the gaps. */
    private static short[] trim(short[] sound) {
        int frames = sound.length / FRAME;
        int first = 0;
        while (first < frames && silent(sound, first)) {
            first++;
        }
        int last = frames - 1;
        while (last > first && silent(sound, last)) {
            last--;
        }
        return first >= frames ? new short[0] : Arrays.copyOfRange(sound, first * FRAME, Math.min(sound.length, (last + 1) * FRAME));
    }

    private static boolean silent(short[] sound, int frame) {
        double sum = 0;
        for (int i = frame * FRAME; i < (frame + 1) * FRAME; i++) {
            sum += (double) sound[i] * sound[i];
        }
        return Math.sqrt(sum / FRAME) < SILENT_RMS;
    }

    private static Truth truth(short[] track, List<String> words, List<FillerMark> fillers) {
        int frames = track.length / FRAME;
        double hop = (double) FRAME / Voice.SAMPLE_RATE;
        int first = -1;
        int last = -1;
        for (int f = 0; f < frames; f++) {
            if (!silent(track, f)) {
                if (first < 0) {
                    first = f;
                }
                last = f;
            }
        }
        List<Span> pauses = new ArrayList<>();
        int run = -1;
        for (int f = first; f <= last; f++) {
            boolean quiet = silent(track, f);
            if (quiet && run < 0) {
                run = f;
            } else if (!quiet && run >= 0) {
                if ((f - run) * hop >= PAUSE_SECONDS) {
                    pauses.add(new Span(run * hop, f * hop));
                }
                run = -1;
            }
        }
        double speaking = (last - first + 1) * hop - pauses.stream().mapToDouble(Span::seconds).sum();
        return new Truth(List.copyOf(words), List.copyOf(fillers), List.copyOf(pauses), speaking,
                (double) track.length / Voice.SAMPLE_RATE);
    }

}
