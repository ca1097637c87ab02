import { describe, expect, it } from "vitest";
import { axisTicks, compareWithPrevious, tickShift, ticksThatFit, flagMarks, metricRows, momentLanes, warningLines, wordAt } from "../src/lib/report";
import { SAMPLE_RESULT } from "../src/lib/sample";
import type { Segment } from "../src/lib/types";

const transcript: Segment[] = [{ text: "", start: 0, end: 5, words: [
  { word: "Hello", start: 0.5, end: 0.9, filler: false }, { word: "everyone.", start: 1.0, end: 1.6, filler: false },
  { word: "Um", start: 2.0, end: 2.4, filler: true }, { word: "today", start: 4.0, end: 4.4, filler: false },
] }];

describe("report view model", () => {
  it("puts moments in one lane per type, in a fixed order, placed on the talk's length", () => {
    const lanes = momentLanes([
      { type: "PAUSE", start: 50, end: 60 }, { type: "LOOK_AWAY", start: 10, end: 20, detail: "left" }, { type: "LOOK_AWAY", start: 5, end: 6 },
    ], 100);
    expect(lanes.map((l) => l.type)).toEqual(["LOOK_AWAY", "PAUSE"]);
    expect(lanes[0].marks.map((m) => m.start)).toEqual([5, 10]);
    expect(lanes[0].marks[1]).toMatchObject({ left: 10, width: 10, label: "0:10 Looked away: left" });
    expect(lanes[1].marks[0]).toMatchObject({ left: 50, width: 10 });
  });
  it("clips flags that run past the end", () => {
    const [m] = flagMarks([{ id: "a", type: "GAZE_AVERSION", severity: "HIGH", timestamp: 90, endTimestamp: 130, description: "" }], 100);
    expect(m).toMatchObject({ left: 90, width: 10, kind: "high" });
  });
  it("ticks the axis at round steps covering the talk", () => {
    expect(axisTicks(95)).toEqual([0, 15, 30, 45, 60, 75, 90]);
    expect(axisTicks(20 * 60)).toEqual([0, 300, 600, 900, 1200]);
  });
  it("gives a phone's narrow axis fewer labels, never fewer than two", () => {
    // a 390 px phone leaves ~230 px of axis: 4 labels of 56 px each
    expect(ticksThatFit(230)).toBe(4);
    expect(axisTicks(95, ticksThatFit(230))).toEqual([0, 30, 60, 90]);
    expect(axisTicks(20 * 60, ticksThatFit(170))).toEqual([0, 600, 1200]);
    expect(ticksThatFit(40)).toBe(2);
    expect(ticksThatFit(0)).toBe(9); // not measured yet
  });
  it("keeps the first and last labels inside the axis", () => {
    expect(tickShift(0)).toBe("none");
    expect(tickShift(0.5)).toBe("translateX(-50%)");
    expect(tickShift(1)).toBe("translateX(-100%)");
  });
  it("follows playback word by word, keeping the place in a gap", () => {
    expect(wordAt(transcript, 0.7)?.word).toBe("Hello");
    expect(wordAt(transcript, 3.0)?.word).toBe("Um");
    expect(wordAt(transcript, 0.1)).toBeNull();
  });
  it("compares the headline numbers with the previous talk, fewer fillers being better", () => {
    const before = { ...SAMPLE_RESULT, coherenceScore: 60, metrics: { ...SAMPLE_RESULT.metrics, fillerRatePerMinute: 4, eyeContact: 71 } };
    const changes = compareWithPrevious(SAMPLE_RESULT, before);
    expect(changes.find((c) => c.key === "score")).toMatchObject({ delta: 8, better: true });
    expect(changes.find((c) => c.key === "fillers")).toMatchObject({ delta: -1.5, better: true });
    expect(compareWithPrevious(SAMPLE_RESULT, null)).toEqual([]);
  });
  it("explains every metric", () => {
    for (const row of metricRows(SAMPLE_RESULT.metrics)) expect(row.explain.length).toBeGreaterThan(10);
  });
  it("gives the sample talk moments of every type inside its length, and a flag lane", () => {
    const lanes = momentLanes(SAMPLE_RESULT.moments, SAMPLE_RESULT.durationSeconds);
    expect(lanes.map((l) => l.type)).toEqual(["LOOK_AWAY", "FACE_TOUCH", "SMILE", "FILLER", "PAUSE"]);
    for (const m of SAMPLE_RESULT.moments ?? []) expect(m.end).toBeLessThanOrEqual(SAMPLE_RESULT.durationSeconds);
    // every FILLER moment sits on a filler word of the transcript
    const fillers = (SAMPLE_RESULT.transcript ?? []).flatMap((s) => s.words).filter((w) => w.filler).map((w) => w.start);
    for (const m of (SAMPLE_RESULT.moments ?? []).filter((x) => x.type === "FILLER")) expect(fillers).toContain(m.start);
  });
});

describe("lane rows", () => {
  it("puts overlapping marks on separate rows and reuses a row once it is free", () => {
    const marks = flagMarks([
      { id: "long", type: "PACING_MISMATCH", severity: "MEDIUM", timestamp: 0, endTimestamp: 14, description: "" },
      { id: "a", type: "MISSING_GESTURE", severity: "MEDIUM", timestamp: 4, endTimestamp: 5, description: "" },
      { id: "b", type: "MISSING_GESTURE", severity: "LOW", timestamp: 4.5, endTimestamp: 6, description: "" },
      { id: "c", type: "MISSING_GESTURE", severity: "LOW", timestamp: 9, endTimestamp: 10, description: "" },
    ], 14);
    expect(marks.map((m) => [m.id, m.row])).toEqual([["long", 0], ["a", 1], ["b", 2], ["c", 1]]);
  });
});

describe("warningLines", () => {
  it("names each damaged stretch by its times in one sentence, with what to do, and no code", () => {
    const lines = warningLines([
      { code: "DAMAGED_STRETCH", message: "damaged 5.0-8.1 s", startSeconds: 5.01, endSeconds: 8.1 },
      { code: "DAMAGED_STRETCH", message: "damaged 70-75 s", startSeconds: 70, endSeconds: 75.4 },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("(0:05–0:08, 1:10–1:15)");
    expect(lines[0]).toContain("upload the new file");
    expect(lines[0]).not.toMatch(/[A-Z]+_[A-Z]+/);
  });

  it("says nothing for a clean file or an old result without warnings", () => {
    expect(warningLines([])).toEqual([]);
    expect(warningLines(undefined)).toEqual([]);
  });

  it("keeps the API's message for a kind of warning it does not know", () => {
    expect(warningLines([{ code: "SOMETHING_NEW", message: "The sound drops out twice.", startSeconds: 1, endSeconds: 2 }]))
      .toEqual(["The sound drops out twice."]);
  });
});
