// The report's view model, computed from an analysis result (DESIGN.md section 6) without DOM:
// metric bars and flag positions on the timeline (tested in test/report.test.mjs).
// The thresholds below only colour the bars; the score itself is the server's.
import { formatDuration, flagTypeLabel } from "./format.js";

const clampPct = (v) => Math.max(0, Math.min(100, v));
const round1 = (v) => Math.round(Number(v) * 10) / 10;

/** "140-160" → {low:140, high:160}; anything else → the default band. */
export function paceBand(target) {
  const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(String(target ?? ""));
  return match ? { low: Number(match[1]), high: Number(match[2]) } : { low: 140, high: 160 };
}

function verdict(value, good, ok, higherIsBetter = true) {
  if (value == null || Number.isNaN(value)) return "none";
  if (higherIsBetter) return value >= good ? "good" : value >= ok ? "ok" : "poor";
  return value <= good ? "good" : value <= ok ? "ok" : "poor";
}

/** One row per metric: {key, label, display, percent (bar width), verdict good|ok|poor|none}. */
export function metricRows(metrics) {
  if (!metrics) return [];
  const m = metrics;
  const rows = [];
  const pace = paceBand(m.speakingPaceTarget);
  const paceMax = 220;
  const paceOff = m.speakingPace < pace.low ? pace.low - m.speakingPace : Math.max(0, m.speakingPace - pace.high);
  rows.push({
    key: "eyeContact", label: "Eye contact", display: `${Math.round(m.eyeContact)}%`,
    percent: clampPct(m.eyeContact), verdict: verdict(m.eyeContact, 60, 40),
  });
  rows.push({
    key: "speakingPace", label: "Speaking pace", display: `${Math.round(m.speakingPace)} wpm (target ${pace.low}-${pace.high})`,
    percent: clampPct((m.speakingPace / paceMax) * 100), verdict: verdict(paceOff, 0, 20, false),
    band: { left: (pace.low / paceMax) * 100, width: ((pace.high - pace.low) / paceMax) * 100 },
  });
  rows.push({
    key: "fillerWords", label: "Filler words", display: `${m.fillerWords} (${round1(m.fillerRatePerMinute)} / min)`,
    percent: clampPct((m.fillerRatePerMinute / 10) * 100), verdict: verdict(m.fillerRatePerMinute, 2, 5, false),
  });
  if (m.pauses) {
    rows.push({
      key: "pauses", label: "Pauses", display: `${m.pauses.count}, longest ${round1(m.pauses.longest)} s`,
      percent: clampPct((m.pauses.longest / 6) * 100), verdict: verdict(m.pauses.longest, 2, 3, false),
    });
  }
  if (m.vocalVariety) {
    rows.push({
      key: "vocalVariety", label: "Vocal variety",
      display: `${round1(m.vocalVariety.pitchRangeSemitones)} semitones, ${Math.round(m.vocalVariety.monotoneSeconds)} s monotone`,
      percent: clampPct((m.vocalVariety.pitchRangeSemitones / 12) * 100), verdict: verdict(m.vocalVariety.pitchRangeSemitones, 6, 3),
    });
  }
  if (m.gestures) {
    const g = m.gestures.perMinute;
    rows.push({
      key: "gestures", label: "Gestures", display: `${round1(g)} / min`,
      percent: clampPct((g / 20) * 100), verdict: g >= 2 && g <= 15 ? "good" : g >= 1 ? "ok" : "poor",
    });
  }
  rows.push({
    key: "fidgeting", label: "Fidgeting", display: `${m.fidgeting}`,
    percent: clampPct((m.fidgeting / 20) * 100), verdict: verdict(m.fidgeting, 3, 8, false),
  });
  if (m.framing) {
    rows.push({
      key: "faceVisible", label: "Face visible", display: `${Math.round(m.framing.faceVisiblePct)}%`,
      percent: clampPct(m.framing.faceVisiblePct), verdict: verdict(m.framing.faceVisiblePct, 90, 70),
    });
    rows.push({
      key: "centered", label: "Centred in frame", display: `${Math.round(m.framing.centeredPct)}%`,
      percent: clampPct(m.framing.centeredPct), verdict: verdict(m.framing.centeredPct, 70, 50),
    });
  }
  return rows;
}

const SEVERITY_ORDER = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** Flags in time order, each with its place on a timeline of `duration` seconds (in %). */
export function flagMarkers(flags, duration) {
  const total = Number(duration) > 0 ? Number(duration) : Math.max(1, ...(flags ?? []).map((f) => f.endTimestamp ?? f.timestamp ?? 0));
  return [...(flags ?? [])]
    .sort((a, b) => a.timestamp - b.timestamp || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
    .map((flag) => {
      const start = Math.max(0, Math.min(total, flag.timestamp));
      const end = Math.max(start, Math.min(total, flag.endTimestamp ?? flag.timestamp));
      return {
        flag,
        left: (start / total) * 100,
        width: Math.max(0.8, ((end - start) / total) * 100),
        severity: String(flag.severity ?? "LOW").toLowerCase(),
        label: `${formatDuration(start)} ${flagTypeLabel(flag.type)}`,
      };
    });
}

/** The heatmap as a CSS gradient: transparent where all is well, red where it goes wrong. */
export function heatmapGradient(points, duration) {
  const total = Number(duration);
  if (!points?.length || !(total > 0)) return "none";
  const stops = [...points]
    .sort((a, b) => a.timestamp - b.timestamp)
    .map((p) => {
      const alpha = Math.max(0, Math.min(1, p.severity)).toFixed(2);
      const at = ((Math.max(0, Math.min(total, p.timestamp)) / total) * 100).toFixed(2);
      return `rgba(220, 53, 69, ${alpha}) ${at}%`;
    });
  return `linear-gradient(to right, ${stops.join(", ")})`;
}

/** Counts of flags per severity, for the summary line. */
export function severityCounts(flags) {
  const counts = { high: 0, medium: 0, low: 0 };
  for (const f of flags ?? []) {
    const key = String(f.severity ?? "").toLowerCase();
    if (key in counts) counts[key]++;
  }
  return counts;
}

/** The transcript word being spoken at `time` (for highlighting while the video plays). */
export function wordAt(transcript, time) {
  for (const segment of transcript ?? []) {
    if (time < segment.start || time > segment.end) continue;
    for (const word of segment.words ?? []) {
      if (time >= word.start && time <= word.end) return word;
    }
  }
  return null;
}

/** SVG polyline points for a score trend (0-100 scores, oldest first) in a width x height box. */
export function sparklinePoints(scores, width = 160, height = 40) {
  const values = (scores ?? []).filter((s) => Number.isFinite(Number(s))).map(Number);
  if (values.length === 0) return "";
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((score, i) => {
      const x = values.length > 1 ? i * step : width / 2;
      const y = height - (Math.max(0, Math.min(100, score)) / 100) * height;
      return `${+x.toFixed(1)},${+y.toFixed(1)}`;
    })
    .join(" ");
}
