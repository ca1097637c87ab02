package app.coherence.analysis.testvideo;

import app.coherence.analysis.testvideo.GeneratedTalk.FillerMark;
import app.coherence.analysis.testvideo.GeneratedTalk.Phrase;
import app.coherence.analysis.testvideo.GeneratedTalk.Span;
import app.coherence.analysis.testvideo.GeneratedTalk.Word;
import app.coherence.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes a talk in order — sentences, pauses, fillers — and places visual events (slides,
 * gestures, face hidden) at known times; {@link #render} turns it into an mp4 with its truth.
 *
 * <pre>
 * TalkScript s = new TalkScript(Festival.inTarget());
 * s.slide("Results").pause(0.5).say("Hello everyone.").pause(0.6).filler(Filler.UM);
 * double t = s.now(); s.say("Look at this chart."); s.gesture(t, 1.5);
 * GeneratedTalk talk = s.pause(1).render(dir.resolve("talk.mp4"));
 * </pre>
 */
public final class TalkScript {
    /** Phrases the pipeline treats as pointing at something. */
    public static final List<String> DEICTIC_PHRASES = List.of("as you can see", "look at this", "here");
    private static final double ASSOCIATION_SECONDS = 3;

    private final Festival festival;
    private short[] audio = new short[Festival.SAMPLE_RATE * 30];
    private int length;
    private final List<Word> words = new ArrayList<>();
    private final List<FillerMark> fillers = new ArrayList<>();
    private final List<Word> deicticRaw = new ArrayList<>();
    private final List<Word> emphasis = new ArrayList<>();
    private final List<Span> gestures = new ArrayList<>();
    private final List<Slide> slides = new ArrayList<>();
    private final List<Span> faceAbsent = new ArrayList<>();
    private final List<Span> faceTurnedAway = new ArrayList<>();
    private int width = 320;
    private int height = 240;
    private double fps = 10;
    private boolean video = true;
    private boolean sound = true;
    private boolean camera;

    /** A slide shown from {@code time} on. */
    record Slide(double time, String title) {
    }

    public TalkScript(Festival festival) {
        this.festival = festival;
    }

    /** Picture size and frame rate (default 320x240 at 10 fps, enough for unit tests). */
    public TalkScript format(int width, int height, double fps) {
        this.width = width;
        this.height = height;
        this.fps = fps;
        return this;
    }

    /**
     * Looks like a camera recording to the decoder: sensor grain on every frame and a phone's bitrate
     * (about 5.5 bits per pixel per second, 5 Mbit/s at 720p), so decoding costs what a real talk's does.
     * Drawn frames alone compress to almost nothing and decode several times faster than any recording.
     */
    public TalkScript likeCamera() {
        this.camera = true;
        return this;
    }

    /** Makes an mp4 with an audio stream only. */
    public TalkScript withoutVideo() {
        this.video = false;
        return this;
    }

    /** Makes an mp4 with a video stream only. */
    public TalkScript withoutAudio() {
        this.sound = false;
        return this;
    }

    /** The current end of the voice track, in seconds. */
    public double now() {
        return (double) length / Festival.SAMPLE_RATE;
    }

    /** Speaks a sentence now; words wrapped in asterisks ({@code *really*}) are recorded as emphasised. */
    public TalkScript say(String text) {
        String plain = text.replace("*", "");
        Festival.Speech speech = festival.speak(plain);
        double offset = now();
        append(speech.samples());
        List<Word> spoken = new ArrayList<>();
        for (Festival.SpokenWord w : speech.words()) {
            spoken.add(new Word(w.word(), offset + w.start(), offset + w.end()));
        }
        words.addAll(spoken);
        markDeictic(spoken);
        markEmphasis(text, spoken);
        return this;
    }

    /** Silence (digital zero) for {@code seconds}. */
    public TalkScript pause(double seconds) {
        append(new short[(int) Math.round(seconds * Festival.SAMPLE_RATE)]);
        return this;
    }

    /** A filled pause of its usual length, now. */
    public TalkScript filler(Filler filler) {
        return filler(filler, filler.defaultSeconds());
    }

    /** A filled pause of {@code seconds}, now. */
    public TalkScript filler(Filler filler, double seconds) {
        double start = now();
        append(filler.synthesise(seconds));
        fillers.add(new FillerMark(filler.word(), start, now()));
        return this;
    }

    /** Shows a new slide now (the first slide call sets the opening slide). */
    public TalkScript slide(String title) {
        return slideAt(now(), title);
    }

    /** Shows a new slide from {@code time}. */
    public TalkScript slideAt(double time, String title) {
        slides.add(new Slide(time, title));
        slides.sort((a, b) -> Double.compare(a.time(), b.time()));
        return this;
    }

    /** A hand moves beside the body from {@code start} for {@code seconds}. */
    public TalkScript gesture(double start, double seconds) {
        gestures.add(new Span(start, start + seconds));
        return this;
    }

    /** The presenter leaves the picture. */
    public TalkScript faceAbsent(double start, double end) {
        faceAbsent.add(new Span(start, end));
        return this;
    }

    /** The presenter turns their back (face hidden, head and body still there). */
    public TalkScript faceTurnedAway(double start, double end) {
        faceTurnedAway.add(new Span(start, end));
        return this;
    }

    /** Renders the video (H.264 + AAC in mp4) and returns it with its truth. */
    public GeneratedTalk render(Path file) {
        double duration = now();
        for (Span s : gestures) {
            duration = Math.max(duration, s.end());
        }
        if (slides.isEmpty()) {
            slides.add(new Slide(0, "Welcome"));
        }
        GeneratedTalk talk = new GeneratedTalk(file, duration, width, height, fps, video, sound,
                List.copyOf(words), List.copyOf(fillers), deicticPhrases(), emphasisWords(), List.copyOf(gestures),
                slides.stream().map(Slide::time).filter(t -> t > 0).toList(), List.copyOf(faceAbsent),
                List.copyOf(faceTurnedAway));
        int samples = (int) Math.round(duration * Festival.SAMPLE_RATE);
        new TalkRenderer(talk, List.copyOf(slides), Arrays.copyOf(audio, samples), camera).write();
        writeTruth(talk);
        return talk;
    }

    /** The truth beside the video as {@code NAME.truth.json}, for people looking at a failed test. */
    private static void writeTruth(GeneratedTalk talk) {
        Path file = talk.file().resolveSibling(talk.file().getFileName() + ".truth.json");
        try {
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(talk));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void append(short[] samples) {
        if (length + samples.length > audio.length) {
            audio = Arrays.copyOf(audio, Math.max(audio.length * 2, length + samples.length));
        }
        System.arraycopy(samples, 0, audio, length, samples.length);
        length += samples.length;
    }

    private void markDeictic(List<Word> spoken) {
        for (String phrase : DEICTIC_PHRASES) {
            String[] parts = phrase.split(" ");
            for (int i = 0; i + parts.length <= spoken.size(); i++) {
                boolean match = true;
                for (int j = 0; j < parts.length && match; j++) {
                    match = spoken.get(i + j).word().equals(parts[j]);
                }
                if (match) {
                    deicticRaw.add(new Word(phrase, spoken.get(i).start(), spoken.get(i + parts.length - 1).end()));
                }
            }
        }
    }

    private void markEmphasis(String text, List<Word> spoken) {
        int from = 0;
        for (String token : text.split("\\s+")) {
            String bare = token.replaceAll("[^A-Za-z0-9'*]", "");
            if (!bare.startsWith("*") || !bare.endsWith("*") || bare.length() < 3) {
                continue;
            }
            String word = bare.substring(1, bare.length() - 1).toLowerCase(Locale.ROOT);
            for (int i = from; i < spoken.size(); i++) {
                if (spoken.get(i).word().equals(word)) {
                    emphasis.add(spoken.get(i));
                    from = i + 1;
                    break;
                }
            }
        }
    }

    private List<Phrase> deicticPhrases() {
        List<Phrase> phrases = new ArrayList<>();
        List<Double> changes = slides.stream().map(Slide::time).filter(t -> t > 0).toList();
        for (Word d : deicticRaw) {
            boolean slide = changes.stream().anyMatch(t -> t >= d.start() - ASSOCIATION_SECONDS && t <= d.end() + ASSOCIATION_SECONDS);
            boolean gesture = gestures.stream().anyMatch(g -> g.start() <= d.end() + ASSOCIATION_SECONDS
                    && g.end() >= d.start() - ASSOCIATION_SECONDS);
            phrases.add(new Phrase(d.word(), d.start(), d.end(), slide, gesture));
        }
        phrases.sort((a, b) -> Double.compare(a.start(), b.start()));
        return phrases;
    }

    private List<Phrase> emphasisWords() {
        return emphasis.stream().map(w -> new Phrase(w.word(), w.start(), w.end(), false, false)).toList();
    }
}
