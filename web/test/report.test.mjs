import { test } from "node:test";
import assert from "node:assert/strict";
import { metricRows, flagMarkers, heatmapGradient, severityCounts, paceBand, wordAt } from "../js/report.js";

const metrics = {
  eyeContact: 72.4, fillerWords: 9, fillerRatePerMinute: 3.1, speakingPace: 182, speakingPaceTarget: "140-160",
  pauses: { count: 12, longest: 3.6 }, vocalVariety: { pitchRangeSemitones: 2.5, monotoneSeconds: 41 },
  gestures: { perMinute: 6 }, fidgeting: 2, framing: { faceVisiblePct: 95, centeredPct: 60 },
};

test("metricRows_shouldJudgeEachMetricAgainstItsBand", () => {
  const rows = Object.fromEntries(metricRows(metrics).map((r) => [r.key, r]));
  assert.equal(rows.eyeContact.display, "72%");
  assert.equal(rows.eyeContact.verdict, "good");
  assert.equal(rows.speakingPace.verdict, "poor", "182 wpm is 22 above the 160 ceiling");
  assert.equal(rows.speakingPace.display, "182 wpm (target 140-160)");
  assert.ok(Math.abs(rows.speakingPace.band.left - (140 / 220) * 100) < 1e-9);
  assert.equal(rows.fillerWords.verdict, "ok");
  assert.equal(rows.pauses.verdict, "poor");
  assert.equal(rows.vocalVariety.verdict, "poor");
  assert.equal(rows.gestures.verdict, "good");
  assert.equal(rows.fidgeting.verdict, "good");
  assert.equal(rows.centered.verdict, "ok");
  for (const r of Object.values(rows)) assert.ok(r.percent >= 0 && r.percent <= 100, r.key);
});

test("metricRows_shouldBeEmptyWithoutMetrics", () => {
  assert.deepEqual(metricRows(null), []);
});

test("paceBand_shouldParseTheTargetOrFallBack", () => {
  assert.deepEqual(paceBand("130-150"), { low: 130, high: 150 });
  assert.deepEqual(paceBand(undefined), { low: 140, high: 160 });
});

test("flagMarkers_shouldPlaceFlagsInTimeOrderWithinTheTimeline", () => {
  const flags = [
    { id: "b", type: "FILLER_CLUSTER", severity: "LOW", timestamp: 90, endTimestamp: 120 },
    { id: "a", type: "MISSING_GESTURE", severity: "HIGH", timestamp: 30, endTimestamp: 33 },
    { id: "c", type: "PACING_MISMATCH", severity: "MEDIUM", timestamp: 170, endTimestamp: 400 },
  ];
  const markers = flagMarkers(flags, 180);
  assert.deepEqual(markers.map((m) => m.flag.id), ["a", "b", "c"]);
  assert.ok(Math.abs(markers[0].left - (30 / 180) * 100) < 1e-9);
  assert.ok(Math.abs(markers[1].width - (30 / 180) * 100) < 1e-9);
  assert.ok(markers[2].left + markers[2].width <= 100 + 1e-9, "clamped to the end");
  assert.equal(markers[0].severity, "high");
  assert.equal(markers[0].label, "0:30 Missing gesture");
});

test("heatmapGradient_shouldMapSeverityToOpacity", () => {
  const g = heatmapGradient([{ timestamp: 90, severity: 1 }, { timestamp: 0, severity: 0 }], 180);
  assert.equal(g, "linear-gradient(to right, rgba(220, 53, 69, 0.00) 0.00%, rgba(220, 53, 69, 1.00) 50.00%)");
  assert.equal(heatmapGradient([], 180), "none");
});

test("severityCounts_andWordAt_shouldSummariseTheResult", () => {
  assert.deepEqual(severityCounts([{ severity: "HIGH" }, { severity: "LOW" }, { severity: "LOW" }]), { high: 1, medium: 0, low: 2 });
  const transcript = [{ start: 0, end: 2, words: [{ word: "so", start: 0, end: 0.4, filler: false }, { word: "um", start: 0.5, end: 0.9, filler: true }] }];
  assert.equal(wordAt(transcript, 0.7).word, "um");
  assert.equal(wordAt(transcript, 5), null);
});

test("sparklinePoints_shouldScaleScoresIntoTheBox", async () => {
  const { sparklinePoints } = await import("../js/report.js");
  assert.equal(sparklinePoints([0, 50, 100], 100, 40), "0,40 50,20 100,0");
  assert.equal(sparklinePoints([75], 160, 40), "80,10");
  assert.equal(sparklinePoints([], 160, 40), "");
});
