// The report's view model, computed from an analysis result without the DOM: metric rows, timeline
// lanes (flags, moments) on a time axis, the word being spoken (transcript sentences: transcript.ts). Tested in
// test/report.test.ts. The verdict colours are hints; the score and tier are the server's.
import { formatDuration, typeLabel } from "./format";
import type { AnalysisResult, Flag, MediaWarning, Metrics, Moment, MomentType, Segment, Word } from "./types";

const clamp = (v: number) => Math.max(0, Math.min(100, v));
const round1 = (v: number) => Math.round(Number(v) * 10) / 10;

export type Verdict = "good" | "ok" | "poor" | "none";

export interface MetricRow {
  key: string;
  label: string;
  display: string;
  percent: number;
  verdict: Verdict;
  explain: string;
}

/** "155-180" → {low:155, high:180}; anything else → the default band (pace over speaking time). */
export function paceBand(target: string | undefined) {
  const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(String(target ?? ""));
  return m ? { low: Number(m[1]), high: Number(m[2]) } : { low: 155, high: 180 };
}

function verdict(value: number | null | undefined, good: number, ok: number, higherIsBetter = true): Verdict {
  if (value == null || Number.isNaN(value)) return "none";
  if (higherIsBetter) return value >= good ? "good" : value >= ok ? "ok" : "poor";
  return value <= good ? "good" : value <= ok ? "ok" : "poor";
}

export function metricRows(m: Metrics | undefined): MetricRow[] {
  if (!m) return [];
  const pace = paceBand(m.speakingPaceTarget);
  const paceOff = m.speakingPace < pace.low ? pace.low - m.speakingPace : Math.max(0, m.speakingPace - pace.high);
  const rows: MetricRow[] = [
    { key: "eyeContact", label: "Eye contact", display: `${Math.round(m.eyeContact)}%`, percent: clamp(m.eyeContact),
      verdict: verdict(m.eyeContact, 60, 40), explain: "Share of the talk you looked at the camera." },
    { key: "speakingPace", label: "Speaking pace", display: `${Math.round(m.speakingPace)} words/min`,
      percent: clamp((m.speakingPace / 220) * 100), verdict: verdict(paceOff, 0, 20, false),
      explain: `Words per minute while you speak (pauses left out); ${pace.low}-${pace.high} is easy to follow.` },
    { key: "fillerWords", label: "Filler words", display: `${m.fillerWords} (${round1(m.fillerRatePerMinute)} a minute)`,
      percent: clamp((m.fillerRatePerMinute / 10) * 100), verdict: verdict(m.fillerRatePerMinute, 2, 5, false),
      explain: "“Um”, “uh” and the like; under 2 a minute goes unnoticed." },
  ];
  if (m.pauses) rows.push({ key: "pauses", label: "Pauses", display: `${m.pauses.count}, longest ${round1(m.pauses.longest)} s`,
    percent: clamp((m.pauses.longest / 6) * 100), verdict: verdict(m.pauses.longest, 2, 3, false),
    explain: "Silences of a second or more; short ones help, long ones lose people." });
  if (m.vocalVariety) rows.push({ key: "vocalVariety", label: "Vocal variety",
    display: `${round1(m.vocalVariety.pitchRangeSemitones)} semitones`,
    percent: clamp((m.vocalVariety.pitchRangeSemitones / 12) * 100), verdict: verdict(m.vocalVariety.pitchRangeSemitones, 6, 3),
    explain: `How much your pitch moves; ${Math.round(m.vocalVariety.monotoneSeconds)} s sounded flat.` });
  if (m.gestures) {
    const g = m.gestures.perMinute;
    rows.push({ key: "gestures", label: "Gestures", display: `${round1(g)} a minute`, percent: clamp((g / 20) * 100),
      verdict: g >= 2 && g <= 15 ? "good" : g >= 1 ? "ok" : "poor", explain: "Hand movements that go with your words." });
  }
  rows.push({ key: "fidgeting", label: "Fidgeting", display: `${m.fidgeting}`, percent: clamp((m.fidgeting / 20) * 100),
    verdict: verdict(m.fidgeting, 3, 8, false), explain: "Restless movements that distract from what you say." });
  if (m.framing) rows.push({ key: "faceVisible", label: "Face visible", display: `${Math.round(m.framing.faceVisiblePct)}%`,
    percent: clamp(m.framing.faceVisiblePct), verdict: verdict(m.framing.faceVisiblePct, 90, 70),
    explain: "Share of the talk your face was in the picture." });
  return rows;
}

/** A mark on a timeline lane, placed in % of the talk's length. */
export interface Mark {
  id: string;
  start: number;
  end: number;
  left: number;
  width: number;
  kind: string;
  label: string;
  /** Row inside the lane: marks that overlap go on separate rows, so each can be tapped. */
  row: number;
}

/** A mark narrower than this (in % of the talk) is drawn at this width, so it needs the room. */
const MIN_MARK_PCT = 2.5;

/** Gives each mark (in time order) the first row where it does not overlap the one before it. */
export function packRows<T extends Omit<Mark, "row">>(marks: T[]): (T & { row: number })[] {
  const rowEnds: number[] = [];
  return marks.map((m) => {
    const end = m.left + Math.max(m.width, MIN_MARK_PCT);
    let row = rowEnds.findIndex((e) => e <= m.left);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = end;
    return { ...m, row };
  });
}

export const MOMENT_LANES: { type: MomentType; label: string }[] = [
  { type: "LOOK_AWAY", label: "Look-aways" },
  { type: "FACE_TOUCH", label: "Face touches" },
  { type: "SMILE", label: "Smiles" },
  { type: "FILLER", label: "Fillers" },
  { type: "PAUSE", label: "Pauses" },
];

const momentWords: Record<MomentType, string> = {
  LOOK_AWAY: "Looked away", FACE_TOUCH: "Touched face", SMILE: "Smiled", FILLER: "Filler", PAUSE: "Pause",
};

function place(start: number, end: number, total: number) {
  const s = Math.max(0, Math.min(total, start));
  const e = Math.max(s, Math.min(total, end));
  return { left: (s / total) * 100, width: ((e - s) / total) * 100 };
}

export function talkLength(result: Pick<AnalysisResult, "durationSeconds">): number {
  return Number(result.durationSeconds) > 0 ? Number(result.durationSeconds) : 1;
}

/** Flags in time order as marks (kind = severity). */
export function flagMarks(flags: Flag[] | undefined, total: number): Mark[] {
  return packRows([...(flags ?? [])].sort((a, b) => a.timestamp - b.timestamp).map((f) => ({
    id: f.id, start: f.timestamp, end: f.endTimestamp ?? f.timestamp, ...place(f.timestamp, f.endTimestamp ?? f.timestamp, total),
    kind: String(f.severity ?? "LOW").toLowerCase(), label: `${formatDuration(f.timestamp)} ${typeLabel(f.type)}`,
  })));
}

/** One lane per moment type that occurs, in a fixed order, marks in time order. */
export function momentLanes(moments: Moment[] | undefined, total: number): { type: MomentType; label: string; marks: Mark[] }[] {
  return MOMENT_LANES.map(({ type, label }) => ({
    type, label,
    marks: packRows((moments ?? []).filter((m) => m.type === type).sort((a, b) => a.start - b.start).map((m, i) => ({
      id: `${type}-${i}`, start: m.start, end: m.end, ...place(m.start, m.end, total), kind: type.toLowerCase(),
      label: `${formatDuration(m.start)} ${momentWords[type]}${m.detail ? `: ${m.detail}` : ""}`,
    }))),
  })).filter((lane) => lane.marks.length > 0);
}

/** Ticks of the time axis: the smallest round step that gives at most {@link maxTicks} labels over the talk. */
export function axisTicks(total: number, maxTicks = 9): number[] {
  const steps = [5, 10, 15, 30, 60, 120, 300, 600, 1200];
  const step = steps.find((s) => Math.floor(total / s) + 1 <= maxTicks) ?? steps[steps.length - 1];
  const ticks: number[] = [];
  for (let t = 0; t <= total + 1e-9; t += step) ticks.push(t);
  return ticks;
}

/** Room one time label needs on the axis ("10:00" is ~34 px at the axis' font size, plus a gap to read it apart). */
export const TICK_SPACING_PX = 56;

/** How many time labels fit on an axis this wide (at least the start and one more; 9 before it is measured). */
export function ticksThatFit(widthPx: number): number {
  if (!(widthPx > 0)) return 9;
  return Math.max(2, Math.floor(widthPx / TICK_SPACING_PX));
}

/** A label at the very start or end is aligned inside the axis instead of centred over its edge. */
export function tickShift(fraction: number): string {
  if (fraction < 0.04) return "none";
  if (fraction > 0.96) return "translateX(-100%)";
  return "translateX(-50%)";
}

/** The word being spoken at `time`, else the last one started before it (a gap keeps the place). */
export function wordAt(transcript: Segment[] | undefined, time: number): Word | null {
  let found: Word | null = null;
  for (const s of transcript ?? []) for (const w of s.words ?? []) {
    if (w.start > time + 1e-6) return found;
    found = w;
  }
  return found;
}

export interface Change { key: string; label: string; now: string; delta: number; better: boolean }

/** "Compared with your previous talk" for the headline numbers. */
export function compareWithPrevious(now: AnalysisResult, before: AnalysisResult | null): Change[] {
  if (!before) return [];
  const rows: [string, string, number, number, boolean, string][] = [
    ["score", "Score", now.coherenceScore, before.coherenceScore, true, ""],
    ["eyeContact", "Eye contact", now.metrics.eyeContact, before.metrics.eyeContact, true, "%"],
    ["fillers", "Fillers a minute", now.metrics.fillerRatePerMinute, before.metrics.fillerRatePerMinute, false, ""],
  ];
  return rows.map(([key, label, a, b, higherBetter, unit]) => {
    const delta = round1(a - b);
    return { key, label, now: `${round1(a)}${unit}`, delta, better: delta === 0 ? true : (delta > 0) === higherBetter };
  });
}

/**
 * The file's warnings as sentences for people: damaged stretches joined into one line with their times
 * ("0:05–0:08"), anything else by the API's own message; codes stay in the JSON.
 */
export function warningLines(warnings: MediaWarning[] | undefined): string[] {
  const damaged = (warnings ?? []).filter((w) => w.code === "DAMAGED_STRETCH");
  const others = (warnings ?? []).filter((w) => w.code !== "DAMAGED_STRETCH").map((w) => w.message);
  const lines: string[] = [];
  if (damaged.length) {
    const spans = damaged.map((w) => `${formatDuration(w.startSeconds)}–${formatDuration(Math.max(w.endSeconds, w.startSeconds))}`);
    lines.push(`Part of your video could not be read (${spans.join(", ")}), so the analysis left it out. `
      + "If that matters, export or record the talk again and upload the new file.");
  }
  return lines.concat(others);
}
