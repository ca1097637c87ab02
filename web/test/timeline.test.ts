import { describe, expect, it } from "vitest";
import { momentLanes, type Mark } from "../src/lib/report";
import { SAMPLE_RESULT } from "../src/lib/sample";
import { placeMarks, TOUCH_TARGET_PX } from "../src/lib/timeline";

const mark = (id: string, left: number, width: number): Mark =>
  ({ id, start: left, end: left + width, left, width, kind: "pause", label: id, row: 0 });

describe("timeline marks on a phone's track", () => {
  it("gives a short moment a 44 px hit box centred on its bar, the bar keeping its place", () => {
    const [m] = placeMarks([mark("a", 50, 0.5)], 240); // 1.2 px of a 240 px track
    expect(m.hitWidth).toBe(TOUCH_TARGET_PX);
    expect(m.barWidth).toBe(10);
    expect(m.hitLeft + m.barLeft).toBeCloseTo(120); // the bar still starts at 50 %
    expect(m.hitLeft + m.hitWidth / 2).toBeCloseTo(125); // box centred on the 10 px bar
  });
  it("keeps a long moment's true length, its box no wider than the bar", () => {
    const [m] = placeMarks([mark("a", 10, 50)], 200);
    expect(m).toMatchObject({ hitLeft: 20, hitWidth: 100, barLeft: 0, barWidth: 100 });
  });
  it("keeps boxes at the very start and end inside the track", () => {
    const [first, last] = placeMarks([mark("a", 0, 0.1), mark("b", 99.9, 0.1)], 240);
    expect(first.hitLeft).toBe(0);
    expect(first.barLeft).toBe(0);
    expect(last.hitLeft + last.hitWidth).toBeCloseTo(240);
    expect(last.hitLeft + last.barLeft + last.barWidth).toBeCloseTo(240);
  });
  it("moves marks whose hit boxes would overlap to another row, and reuses a row once free", () => {
    // a and b 20 px apart: bars do not touch, but 44 px boxes would; c is clear of a.
    const placed = placeMarks([mark("a", 10, 1), mark("b", 20, 1), mark("c", 35, 1), mark("d", 60, 1)], 200);
    expect(placed.map((m) => m.row)).toEqual([0, 1, 0, 0]);
    for (const row of [0, 1]) {
      const boxes = placed.filter((m) => m.row === row).map((m) => [m.hitLeft, m.hitLeft + m.hitWidth]);
      for (let i = 1; i < boxes.length; i++) expect(boxes[i][0]).toBeGreaterThanOrEqual(boxes[i - 1][1] - 1e-6);
    }
  });
  it("lays out every lane of the sample talk at 390 px with no two boxes of a row overlapping", () => {
    const track = 230;
    for (const lane of momentLanes(SAMPLE_RESULT.moments, SAMPLE_RESULT.durationSeconds)) {
      const placed = placeMarks(lane.marks, track);
      expect(placed.every((m) => m.hitWidth >= TOUCH_TARGET_PX && m.hitLeft >= 0 && m.hitLeft + m.hitWidth <= track + 1e-6)).toBe(true);
      const rows = new Map<number, [number, number][]>();
      for (const m of placed) rows.set(m.row, [...(rows.get(m.row) ?? []), [m.hitLeft, m.hitLeft + m.hitWidth]]);
      for (const boxes of rows.values()) {
        boxes.sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < boxes.length; i++) expect(boxes[i][0]).toBeGreaterThanOrEqual(boxes[i - 1][1] - 1e-6);
      }
    }
  });
});
