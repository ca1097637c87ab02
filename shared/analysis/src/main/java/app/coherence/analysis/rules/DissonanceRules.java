package app.coherence.analysis.rules;

import app.coherence.analysis.TalkFeatures;
import app.coherence.analysis.TimeSpan;
import app.coherence.analysis.language.LanguageFeatures;
import app.coherence.analysis.language.PaceWindow;
import app.coherence.analysis.language.Phrase;
import app.coherence.analysis.language.SpokenWord;
import app.coherence.analysis.vision.Gaze;
import app.coherence.analysis.vision.LookAway;
import app.coherence.analysis.vision.VisionTrack;
import app.coherence.analysis.voice.VoiceTrack;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.analysis.score.DeliveryTargets;
import app.coherence.core.analysis.FlagType;
import app.coherence.core.analysis.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The dissonance rules (docs/ARCHITECTURE.md, "Analysis"): moments where words, face, hands and voice disagree.
 * Pure: the same features always give the same flags, in time order, with stable ids.
 */
public final class DissonanceRules {
    /** A deictic phrase needs a gesture or slide change this close (seconds either side). */
    static final double DEICTIC_REACH = 3;
    static final double PACE_FAST = DeliveryTargets.PACE_FLAG_FAST;
    static final double PACE_SLOW = DeliveryTargets.PACE_FLAG_SLOW;
    static final double FILLER_WINDOW = 30;
    static final int FILLER_CLUSTER = 3;
    /** Facing away at least this long while talking is gaze aversion (shorter look-aways only during a key point). */
    static final double GAZE_AWAY_SECONDS = 2;
    /** With a face in fewer frames than this (%), there is no gaze to judge: framing covers it. */
    static final double GAZE_NEEDS_FACE_PCT = 20;
    static final double FLAT_VOICE_SEMITONES = 3;

    public List<DissonanceFlag> find(TalkFeatures talk) {
        List<Draft> drafts = new ArrayList<>();
        emotionalMismatch(talk, drafts);
        missingGesture(talk, drafts);
        pacing(talk.language(), drafts);
        flatEmphasis(talk, drafts);
        gazeAversion(talk, drafts);
        fillerClusters(talk.language(), drafts);
        drafts.sort(Comparator.comparingDouble(Draft::start).thenComparing(d -> d.type().ordinal()));
        List<DissonanceFlag> flags = new ArrayList<>();
        for (Draft d : drafts) {
            flags.add(new DissonanceFlag(String.format("%s-%d", d.type().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    flags.size() + 1), d.type(), d.severity(), round(d.start()), round(d.end()), d.description(),
                    Coaching.tip(d.type()), d.verbal(), d.visual(), d.vocal()));
        }
        return List.copyOf(flags);
    }

    private record Draft(FlagType type, Severity severity, double start, double end, String description,
                         String verbal, String visual, String vocal) {
    }

    private static void emotionalMismatch(TalkFeatures talk, List<Draft> out) {
        VoiceTrack voice = talk.voiceTrack();
        double median = talk.voice().medianSpeechDb();
        for (Phrase p : talk.language().emotion()) {
            double smile = talk.vision().smileShare(p.start() - 2, p.end() + 2);
            double face = talk.vision().faceShare(p.start() - 2, p.end() + 2);
            double span = voice.pitchSpan(p.start() - 1, p.end() + 1);
            double loud = voice.speechLoudness(p.start(), p.end());
            boolean flatFace = Double.isNaN(smile) || smile == 0;
            boolean flatVoice = (Double.isNaN(span) || span < FLAT_VOICE_SEMITONES) || (!Double.isNaN(loud) && loud < median);
            if (flatFace && flatVoice) {
                boolean veryFlat = (Double.isNaN(span) || span < 2) && !Double.isNaN(loud) && loud < median - 3;
                out.add(new Draft(FlagType.EMOTIONAL_MISMATCH, veryFlat ? Severity.HIGH : Severity.MEDIUM, p.start(), p.end(),
                        "You said \"" + p.text() + "\" but neither your face nor your voice showed it.",
                        quote(p), Double.isNaN(face) || face == 0 ? "face not visible around " + Clock.of(p.start())
                                : "no smile detected within 2 s of the word",
                        vocal(span, loud, median)));
            }
        }
    }

    private static void missingGesture(TalkFeatures talk, List<Draft> out) {
        VisionTrack vision = talk.vision();
        List<TimeSpan> gestures = vision.gestures();
        List<Double> slides = vision.slideChanges();
        for (Phrase p : talk.language().deictic()) {
            double from = p.start() - DEICTIC_REACH;
            double to = p.end() + DEICTIC_REACH;
            boolean gesture = gestures.stream().anyMatch(g -> g.overlaps(from, to));
            boolean slide = slides.stream().anyMatch(t -> t >= from && t <= to);
            if (!gesture && !slide) {
                out.add(new Draft(FlagType.MISSING_GESTURE, p.text().equals("here") ? Severity.LOW : Severity.MEDIUM,
                        p.start(), p.end(), "You pointed the audience at something (\"" + p.text()
                                + "\") but nothing on screen moved or changed.",
                        quote(p), "no hand movement and no slide change between " + Clock.of(from) + " and " + Clock.of(to),
                        ""));
            }
        }
    }

    private static void pacing(LanguageFeatures language, List<Draft> out) {
        List<PaceWindow> windows = language.pace();
        int i = 0;
        while (i < windows.size()) {
            PaceWindow w = windows.get(i);
            boolean fast = w.wordsPerMinute() > PACE_FAST;
            boolean slow = w.wordsPerMinute() < PACE_SLOW;
            if (!fast && !slow) {
                i++;
                continue;
            }
            int j = i;
            double extreme = w.wordsPerMinute();
            while (j + 1 < windows.size() && (fast ? windows.get(j + 1).wordsPerMinute() > PACE_FAST
                    : windows.get(j + 1).wordsPerMinute() < PACE_SLOW)) {
                j++;
                extreme = fast ? Math.max(extreme, windows.get(j).wordsPerMinute()) : Math.min(extreme, windows.get(j).wordsPerMinute());
            }
            Severity severity = fast ? (extreme > DeliveryTargets.PACE_FLAG_FAST_SEVERE ? Severity.HIGH : Severity.MEDIUM)
                    : (extreme < DeliveryTargets.PACE_ZERO_LOW ? Severity.MEDIUM : Severity.LOW);
            out.add(new Draft(FlagType.PACING_MISMATCH, severity, w.start(), windows.get(j).end(),
                    String.format("Your pace %s to %.0f words per minute here, pauses included (target %s).", fast ? "rose" : "dropped", extreme,
                            DeliveryTargets.PACE_TARGET),
                    String.format("%.0f words per minute over 20 s, pauses included", extreme), "",
                    fast ? "speaking faster than the audience can follow" : "long gaps between words"));
            i = j + 1;
        }
        for (TimeSpan pause : language.midSentencePauses()) {
            out.add(new Draft(FlagType.PACING_MISMATCH, Severity.MEDIUM, pause.start(), pause.end(),
                    String.format("You stopped for %.1f s in the middle of a sentence.", pause.seconds()),
                    "sentence left unfinished at " + Clock.of(pause.start()), "",
                    String.format("%.1f s of silence mid-sentence", pause.seconds())));
        }
    }

    private static void flatEmphasis(TalkFeatures talk, List<Draft> out) {
        VoiceTrack voice = talk.voiceTrack();
        double median = talk.voice().medianSpeechDb();
        double medianSpan = medianWordSpan(talk);
        for (Phrase p : talk.language().emphasis()) {
            double loud = voice.speechLoudness(p.start(), p.end());
            double span = voice.pitchSpan(p.start() - 0.1, p.end() + 0.1);
            boolean quiet = Double.isNaN(loud) || loud < median;
            boolean flat = Double.isNaN(span) || Double.isNaN(medianSpan) || span < medianSpan;
            if (quiet && flat) {
                out.add(new Draft(FlagType.FLAT_EMPHASIS, Severity.LOW, p.start(), p.end(),
                        "\"" + p.text() + "\" is a word that asks for stress, but you said it quieter and flatter than usual.",
                        quote(p), "", vocal(span, loud, median)));
            }
        }
    }

    private static double medianWordSpan(TalkFeatures talk) {
        double[] spans = talk.language().words().stream().filter(w -> !w.filler())
                .mapToDouble(w -> talk.voiceTrack().pitchSpan(w.start() - 0.1, w.end() + 0.1))
                .filter(v -> !Double.isNaN(v)).toArray();
        return VoiceTrack.percentile(spans, 50);
    }

    /**
     * Look-aways while speaking: any that covers a key point (emphasis, pointing, feeling), and the others
     * when they last {@link #GAZE_AWAY_SECONDS} or more.
     */
    private static void gazeAversion(TalkFeatures talk, List<Draft> out) {
        VisionTrack vision = talk.vision();
        if (vision.faceVisiblePct() < GAZE_NEEDS_FACE_PCT) {
            return;
        }
        List<SpokenWord> words = talk.language().words();
        List<Phrase> keys = new ArrayList<>(talk.language().emphasis());
        keys.addAll(talk.language().deictic());
        keys.addAll(talk.language().emotion());
        for (LookAway away : vision.lookAways()) {
            double start = away.start();
            double end = away.end();
            long spoken = words.stream().filter(w -> !w.filler() && w.middle() >= start && w.middle() < end).count();
            Phrase key = keys.stream().filter(p -> p.start() < end && p.end() > start)
                    .min(Comparator.comparingDouble(Phrase::start)).orElse(null);
            if (spoken == 0 || (key == null && end - start < GAZE_AWAY_SECONDS)) {
                continue;
            }
            Severity severity = key != null ? Severity.HIGH : end - start >= 5 ? Severity.MEDIUM : Severity.LOW;
            String where = away.direction() == Gaze.OUT_OF_FRAME ? "out of the picture" : "turned " + away.direction().word();
            out.add(new Draft(FlagType.GAZE_AVERSION, severity, start, end,
                    String.format("You looked away from the camera for %.1f s while speaking%s.", end - start,
                            key == null ? "" : ", during a key point"),
                    key == null ? spoken + " words spoken while turned away" : quote(key),
                    "face " + where + " between " + Clock.of(start) + " and " + Clock.of(end), ""));
        }
    }

    private static void fillerClusters(LanguageFeatures language, List<Draft> out) {
        List<SpokenWord> fillers = language.fillers();
        int i = 0;
        while (i < fillers.size()) {
            int j = i;
            while (j + 1 < fillers.size() && fillers.get(j + 1).start() - fillers.get(i).start() <= FILLER_WINDOW) {
                j++;
            }
            int n = j - i + 1;
            if (n >= FILLER_CLUSTER) {
                List<String> said = fillers.subList(i, j + 1).stream().map(SpokenWord::text).toList();
                out.add(new Draft(FlagType.FILLER_CLUSTER, n >= 5 ? Severity.HIGH : Severity.MEDIUM,
                        fillers.get(i).start(), fillers.get(j).end(),
                        String.format("%d filler words within %.0f s.", n, fillers.get(j).end() - fillers.get(i).start()),
                        String.join(", ", said), "", "hesitations instead of pauses"));
                i = j + 1;
            } else {
                i++;
            }
        }
    }

    private static String quote(Phrase p) {
        return "\"" + p.text() + "\" at " + Clock.of(p.start());
    }

    private static String vocal(double span, double loud, double median) {
        String pitch = Double.isNaN(span) ? "no clear pitch movement" : String.format("pitch moved %.1f semitones", span);
        String level = Double.isNaN(loud) ? "" : String.format(", %.1f dB %s your median loudness",
                Math.abs(loud - median), loud < median ? "below" : "above");
        return pitch + level;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
