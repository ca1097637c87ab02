package app.coherence.analysis.report;

import app.coherence.analysis.score.DeliveryTargets;
import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.Metrics;
import app.coherence.core.analysis.TranscriptSegment;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page of one result: score and tier, metric bars with their target bands, an
 * inline SVG timeline of flags and pace, the flags with evidence and tips, and the transcript with
 * fillers marked. No scripts, no external resources; every text is escaped.
 */
public final class HtmlReport {
    private static final int WIDTH = 900;

    public String render(AnalysisResult r) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Coherence report ").append(esc(r.videoId())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;color:#222;padding:0 1em}")
                .append(".score{font-size:3em;font-weight:700}.tier{font-size:1.3em;margin-left:.5em;color:#555}")
                .append(".bar{position:relative;height:14px;background:#eee;border-radius:3px;margin:2px 0 10px}")
                .append(".band{position:absolute;top:0;height:14px;background:#cde8cd}")
                .append(".val{position:absolute;top:-3px;width:4px;height:20px;background:#2a5db0}")
                .append(".flag{border-left:4px solid #999;padding:.3em .8em;margin:.6em 0}")
                .append(".HIGH{border-color:#c0392b}.MEDIUM{border-color:#e67e22}.LOW{border-color:#f1c40f}")
                .append(".filler{background:#fde2a7;border-radius:3px}.ev{color:#555;font-size:.9em}")
                .append("table{border-collapse:collapse}td{padding:2px 8px}</style></head><body>\n");
        h.append("<h1>Coherence report</h1><p><span class=\"score\">").append(r.coherenceScore())
                .append("</span><span class=\"tier\">").append(esc(r.scoreTierLabel())).append("</span></p>")
                .append("<p>Video ").append(esc(r.videoId())).append(", ").append(clock(r.durationSeconds()))
                .append(" long. Pipeline ").append(esc(r.pipelineVersion())).append(".</p>\n");
        list(h, "Strengths", r.strengths());
        list(h, "Priorities", r.priorities());
        metrics(h, r.metrics());
        timeline(h, r);
        flags(h, r.dissonanceFlags());
        transcript(h, r.transcript());
        return h.append("</body></html>\n").toString();
    }

    private static void list(StringBuilder h, String title, List<String> items) {
        h.append("<h2>").append(esc(title)).append("</h2><ul>");
        for (String s : items) {
            h.append("<li>").append(esc(s)).append("</li>");
        }
        h.append("</ul>\n");
    }

    private static void metrics(StringBuilder h, Metrics m) {
        h.append("<h2>Metrics</h2>\n");
        bar(h, "Eye contact", m.eyeContact(), "%", 0, 100, DeliveryTargets.EYE_CONTACT_FULL, 100);
        bar(h, "Fillers per minute", m.fillerRatePerMinute(), "", 0, 15, 0, DeliveryTargets.FILLERS_FULL);
        bar(h, "Speaking pace", m.speakingPace(), " wpm", 60, 240, DeliveryTargets.SPEAKING_PACE_LOW, DeliveryTargets.SPEAKING_PACE_HIGH);
        bar(h, "Pitch range", m.vocalVariety().pitchRangeSemitones(), " semitones", 0, 16, DeliveryTargets.PITCH_RANGE_FULL, 16);
        bar(h, "Gestures per minute", m.gestures().perMinute(), "", 0, 30, DeliveryTargets.GESTURES_LOW, DeliveryTargets.GESTURES_HIGH);
        bar(h, "Face visible", m.framing().faceVisiblePct(), "%", 0, 100, DeliveryTargets.FACE_FULL, 100);
        bar(h, "Face centred", m.framing().centeredPct(), "%", 0, 100, DeliveryTargets.CENTRED_FULL, 100);
        h.append("<table><tr><td>Filler words</td><td>").append(m.fillerWords()).append("</td></tr>")
                .append("<tr><td>Pauses</td><td>").append(m.pauses().count()).append(" (longest ")
                .append(fmt(m.pauses().longest())).append(" s; ").append(m.pauses().insideSentences())
                .append(" inside sentences, ").append(m.pauses().betweenSentences()).append(" between)</td></tr>")
                .append("<tr><td>Articulation rate</td><td>").append(fmt(m.articulationRate())).append(" wpm while voicing</td></tr>")
                .append("<tr><td>Monotone</td><td>").append(fmt(m.vocalVariety().monotoneSeconds())).append(" s</td></tr>")
                .append("<tr><td>Fidgeting</td><td>").append(m.fidgeting()).append("</td></tr></table>\n");
    }

    private static void bar(StringBuilder h, String label, double value, String unit, double min, double max,
                            double bandFrom, double bandTo) {
        double span = max - min;
        double from = pct(bandFrom, min, span);
        double to = pct(bandTo, min, span);
        h.append("<div>").append(esc(label)).append(": <b>").append(fmt(value)).append(esc(unit)).append("</b>")
                .append(" <span class=\"ev\">(target ").append(fmt(bandFrom)).append('-').append(fmt(bandTo)).append(esc(unit))
                .append(")</span><div class=\"bar\"><div class=\"band\" style=\"left:").append(fmt(from))
                .append("%;width:").append(fmt(to - from)).append("%\"></div><div class=\"val\" style=\"left:")
                .append(fmt(Math.min(99.5, pct(value, min, span)))).append("%\"></div></div></div>\n");
    }

    private static void timeline(StringBuilder h, AnalysisResult r) {
        double duration = Math.max(1, r.durationSeconds());
        int height = 120;
        h.append("<h2>Timeline</h2><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-label=\"flags and pace over time\">")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" fill=\"#fafafa\"/>");
        // pace: words per 10 s from the transcript, scaled so 240 wpm is the top of the pace area
        int buckets = (int) Math.ceil(duration / 10);
        int[] counts = new int[Math.max(1, buckets)];
        for (TranscriptSegment s : r.transcript()) {
            for (TranscriptSegment.Word w : s.words()) {
                if (!w.filler()) {
                    counts[Math.min(counts.length - 1, (int) (w.start() / 10))]++;
                }
            }
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            double wpm = counts[i] * 6.0;
            points.append(fmt(x(i * 10 + 5, duration))).append(',').append(fmt(70 - Math.min(240, wpm) / 240 * 60)).append(' ');
        }
        double bandTop = 70 - DeliveryTargets.PACE_HIGH / 240 * 60;
        double bandBottom = 70 - DeliveryTargets.PACE_LOW / 240 * 60;
        h.append("<rect x=\"0\" y=\"").append(fmt(bandTop)).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(fmt(bandBottom - bandTop)).append("\" fill=\"#cde8cd\"/>")
                .append("<polyline fill=\"none\" stroke=\"#2a5db0\" stroke-width=\"2\" points=\"").append(points.toString().trim())
                .append("\"/><text x=\"4\" y=\"12\" font-size=\"11\">pace (wpm, band ").append(DeliveryTargets.PACE_TARGET).append(")</text>");
        for (DissonanceFlag f : r.dissonanceFlags()) {
            double x0 = x(f.timestamp(), duration);
            double w = Math.max(3, x(f.endTimestamp(), duration) - x0);
            String colour = switch (f.severity()) {
                case HIGH -> "#c0392b";
                case MEDIUM -> "#e67e22";
                case LOW -> "#f1c40f";
            };
            h.append("<rect x=\"").append(fmt(x0)).append("\" y=\"80\" width=\"").append(fmt(w))
                    .append("\" height=\"22\" fill=\"").append(colour).append("\"><title>").append(esc(clock(f.timestamp())))
                    .append(' ').append(esc(f.type().name())).append(": ").append(esc(f.description())).append("</title></rect>");
        }
        for (int t = 0; t <= duration; t += duration > 300 ? 60 : 10) {
            h.append("<text x=\"").append(fmt(x(t, duration))).append("\" y=\"116\" font-size=\"10\">").append(clock(t)).append("</text>");
        }
        h.append("</svg>\n");
    }

    private static void flags(StringBuilder h, List<DissonanceFlag> flags) {
        h.append("<h2>Dissonance flags (").append(flags.size()).append(")</h2>\n");
        for (DissonanceFlag f : flags) {
            h.append("<div class=\"flag ").append(f.severity().name()).append("\"><b>").append(esc(clock(f.timestamp())))
                    .append(' ').append(esc(f.type().name().toLowerCase(Locale.ROOT).replace('_', ' '))).append("</b> (")
                    .append(esc(f.severity().name())).append(") ").append(esc(f.description())).append("<div class=\"ev\">");
            evidence(h, "said", f.verbalEvidence());
            evidence(h, "seen", f.visualEvidence());
            evidence(h, "heard", f.vocalEvidence());
            h.append("</div><div>Tip: ").append(esc(f.coaching())).append("</div></div>\n");
        }
    }

    private static void evidence(StringBuilder h, String label, String text) {
        if (text != null && !text.isBlank()) {
            h.append(esc(label)).append(": ").append(esc(text)).append("<br>");
        }
    }

    private static void transcript(StringBuilder h, List<TranscriptSegment> segments) {
        h.append("<h2>Transcript</h2>\n");
        for (TranscriptSegment s : segments) {
            h.append("<p><span class=\"ev\">").append(esc(clock(s.start()))).append("</span> ");
            List<String> written = WrittenWords.of(s);
            for (int i = 0; i < written.size(); i++) {
                if (s.words().get(i).filler()) {
                    h.append("<span class=\"filler\">").append(esc(written.get(i))).append("</span> ");
                } else {
                    h.append(esc(written.get(i))).append(' ');
                }
            }
            h.append("</p>\n");
        }
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static double x(double t, double duration) {
        return t / duration * WIDTH;
    }

    private static double pct(double v, double min, double span) {
        return Math.max(0, Math.min(100, (v - min) / span * 100));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String clock(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
