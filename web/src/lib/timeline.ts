// Where each timeline mark is drawn and where it can be tapped, in px of the measured track: the
// drawn bar keeps the moment's true place and length, the tappable box around it is at least a
// fingertip wide and tall, and boxes that would overlap go on separate rows. Tested in test/timeline.test.ts.
import type { Mark } from "./report";

/** Smallest hit area of anything tapped, both ways: what a fingertip hits reliably (WCAG 2.5.5). */
export const TOUCH_TARGET_PX = 44;
/** A bar drawn narrower than this is hard to see, however short the moment. */
const MIN_BAR_PX = 10;

/** A mark placed on a track: its hit box and the bar drawn inside it (px from the track's left; bar from the box's left). */
export interface PlacedMark extends Mark {
  hitLeft: number;
  hitWidth: number;
  barLeft: number;
  barWidth: number;
}

/** Places marks (in time order) on a track `trackPx` wide; `row` is re-assigned so no two hit boxes overlap. */
export function placeMarks(marks: Mark[], trackPx: number): PlacedMark[] {
  const width = Math.max(0, trackPx);
  const rowEnds: number[] = [];
  return marks.map((m) => {
    const barWidth = Math.min(width, Math.max(MIN_BAR_PX, (m.width / 100) * width));
    const barStart = Math.min((m.left / 100) * width, width - barWidth);
    const hitWidth = Math.min(width, Math.max(TOUCH_TARGET_PX, barWidth));
    // Centred on the bar, kept inside the track (a box past its end would widen the page).
    const hitLeft = Math.max(0, Math.min(width - hitWidth, barStart + barWidth / 2 - hitWidth / 2));
    let row = rowEnds.findIndex((end) => end <= hitLeft + 1e-6);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = hitLeft + hitWidth;
    return { ...m, row, hitLeft, hitWidth, barLeft: barStart - hitLeft, barWidth };
  });
}
