package app.coherence.analysis.testvideo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ready-made talks for tests, generated once per JVM under {@code target/testvideos} (festival output
 * is cached across runs, so a repeat costs only the encoding: about a second at 320x240).
 */
public final class TestTalks {
    private static final Map<String, GeneratedTalk> MADE = new ConcurrentHashMap<>();

    private TestTalks() {
    }

    /** Where generated videos go: {@code target/testvideos} of the running module. */
    public static Path directory() {
        return Path.of("target", "testvideos").toAbsolutePath();
    }

    /**
     * A one-minute quarterly review at 320x240, 10 fps: 13 sentences, 3 fillers (um, uh, um), 3 slide
     * changes, "as you can see" once on a slide change and once with neither slide change nor gesture,
     * "look at this" with a gesture, two emphasised words, the face turned away for 3 s.
     */
    public static GeneratedTalk standard() {
        return MADE.computeIfAbsent("standard", name -> standard(new TalkScript(Festival.inTarget()))
                .render(directory().resolve(name + ".mp4")));
    }

    /**
     * The standard talk as a camera would record it: 640x360 at 15 fps with sensor grain on every frame
     * and a phone's bitrate (see {@link TalkScript#likeCamera()}), for checking that noise changes nothing found.
     */
    public static GeneratedTalk standardLikeCamera() {
        return MADE.computeIfAbsent("standard-camera", name -> standard(new TalkScript(Festival.inTarget()))
                .format(640, 360, 15).likeCamera().render(directory().resolve(name + ".mp4")));
    }

    /** The standard talk's script, to render in another format (e.g. 640x360). */
    public static TalkScript standard(TalkScript s) {
        s.slide("Quarterly review").pause(0.5)
                .say("Good morning everyone, and thank you for joining this quarterly review.").pause(0.5)
                .say("Today I will walk you through our results, our customers, and our plans for next year.")
                .pause(0.6).filler(Filler.UM).pause(0.4)
                .slide("Revenue")
                .say("As you can see, revenue grew by forty percent compared to last year.").pause(0.7);
        double away = s.now();
        s.say("This growth came mostly from new customers in Europe and in Asia.").pause(0.5)
                .faceTurnedAway(away, away + 3)
                .say("Our team worked *really* hard to make this happen.")
                .pause(0.8).filler(Filler.UH).pause(0.4)
                .say("The support costs stayed flat while the number of users doubled.").pause(0.6)
                .say("As you can see, the margins improved every single month.").pause(1.0)
                .say("Let me tell you a little more about our customers.").pause(0.6)
                .slide("Customers")
                .say("Most of them use the product every day, and they recommend it to their friends.").pause(0.5);
        double look = s.now();
        s.say("Look at this chart of weekly active users.").gesture(look, 2.0)
                .pause(0.6).filler(Filler.UM).pause(0.4)
                .say("It is the most *important* number for our business.").pause(0.7)
                .slide("Next year")
                .say("Next year we will open two new offices and hire twenty engineers.").pause(0.5)
                .say("We will also launch the mobile application in the spring.").pause(0.6)
                .say("Thank you very much for your attention, I am happy to take your questions.").pause(1.0);
        return s;
    }

    /**
     * About 25 s of hesitant speech: four fillers within 15 s (um, uh, um, uh) and a 3.6 s pause in the
     * middle of a sentence (after "by").
     */
    public static GeneratedTalk hesitant() {
        return MADE.computeIfAbsent("hesitant", name -> new TalkScript(Festival.inTarget()).slide("Plans").pause(0.5)
                .say("Next year we will focus on three things.").pause(0.4).filler(Filler.UM).pause(0.3)
                .say("First, the new office in Berlin.").pause(0.4).filler(Filler.UH).pause(0.3)
                .say("Second, hiring more engineers.").pause(0.4).filler(Filler.UM).pause(0.3)
                .say("And third,").pause(0.3).filler(Filler.UH).pause(0.3)
                .say("the mobile application.").pause(0.6)
                .say("We will grow our revenue by").pause(3.6)
                .say("forty percent next year.").pause(1.0)
                .render(directory().resolve(name + ".mp4")));
    }

    /** About 15 s of speech with nobody in the picture (slides only). */
    public static GeneratedTalk noFace() {
        return MADE.computeIfAbsent("no-face", name -> {
            TalkScript s = new TalkScript(Festival.inTarget()).slide("Agenda").pause(0.5)
                    .say("Good morning everyone, and thank you for joining this quarterly review.").pause(0.5)
                    .say("Today I will walk you through our results, our customers, and our plans for next year.")
                    .pause(0.5).slide("Revenue")
                    .say("Revenue grew by forty percent compared to last year.").pause(1.0);
            s.faceAbsent(0, s.now() + 1);
            return s.render(directory().resolve(name + ".mp4"));
        });
    }

    /** A short talk (about 8 s) with video and no audio stream. */
    public static GeneratedTalk noAudio() {
        return MADE.computeIfAbsent("no-audio", name -> shortTalk().withoutAudio().render(directory().resolve(name + ".mp4")));
    }

    /** A short talk (about 8 s) with audio and no video stream. */
    public static GeneratedTalk audioOnly() {
        return MADE.computeIfAbsent("audio-only", name -> shortTalk().withoutVideo().render(directory().resolve(name + ".mp4")));
    }

    /** 20 s of picture with a silent (all-zero) audio track. */
    public static GeneratedTalk silence() {
        return MADE.computeIfAbsent("silence", name -> new TalkScript(Festival.inTarget()).slide("Silence").pause(20)
                .render(directory().resolve(name + ".mp4")));
    }

    /** A short talk (about 8 s) with picture and voice. */
    public static GeneratedTalk shortOne() {
        return MADE.computeIfAbsent("short", name -> shortTalk().render(directory().resolve(name + ".mp4")));
    }

    private static TalkScript shortTalk() {
        return new TalkScript(Festival.inTarget()).slide("Hello").pause(0.5)
                .say("Good morning everyone, and thank you for joining this quarterly review.").pause(0.5)
                .say("Revenue grew by forty percent compared to last year.").pause(1.0);
    }

    /** A zero-byte file named .mp4. */
    public static Path emptyFile() {
        return write("empty.mp4", new byte[0]);
    }

    /** A text file renamed .mp4. */
    public static Path textAsMp4() {
        return write("text.mp4", "This is not a video, just some notes for my talk.\n".repeat(50).getBytes(StandardCharsets.UTF_8));
    }

    /** The short talk cut after its first third (the mp4 index, written last, is lost). */
    public static Path truncated() {
        try {
            byte[] whole = Files.readAllBytes(shortOne().file());
            return write("truncated.mp4", java.util.Arrays.copyOf(whole, whole.length / 3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A long talk for benchmarks: the standard script repeated until {@code minutes} long, at the given
     * picture format (e.g. 1280x720, 25 fps).
     */
    public static GeneratedTalk longTalk(Path file, double minutes, int width, int height, double fps) {
        return longTalk(file, minutes, width, height, fps, false);
    }

    /** As {@link #longTalk(Path, double, int, int, double)}; {@code likeCamera}: see {@link TalkScript#likeCamera()}. */
    public static GeneratedTalk longTalk(Path file, double minutes, int width, int height, double fps, boolean likeCamera) {
        TalkScript s = new TalkScript(Festival.inTarget()).format(width, height, fps);
        if (likeCamera) {
            s.likeCamera();
        }
        while (s.now() < minutes * 60 - 65) {
            standard(s);
        }
        while (s.now() < minutes * 60 - 5) {
            s.say("Thank you very much for your attention, I am happy to take your questions.").pause(0.7);
        }
        return s.render(file);
    }

    private static Path write(String name, byte[] bytes) {
        try {
            Path file = directory().resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
