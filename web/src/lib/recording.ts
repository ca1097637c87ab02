// Choices for recording in the browser. Pure; tested in test/recording.test.ts.

/** 20 minutes: the analysis refuses longer talks (TOO_LONG), so recording stops there. */
export const MAX_RECORDING_SECONDS = 20 * 60;

const PREFERRED = ["video/webm;codecs=vp9,opus", "video/webm;codecs=vp8,opus", "video/webm", "video/mp4"];

/** The first container the browser can record, or "" to let it choose. */
export function recordingType(isSupported: (type: string) => boolean): string {
  return PREFERRED.find((t) => isSupported(t)) ?? "";
}

/** The content type to reserve for a recording: its container without codecs (the API lists those). */
export function uploadTypeOf(blobType: string): string {
  const base = (blobType || "video/webm").split(";")[0].trim();
  return base === "video/mp4" ? "video/mp4" : "video/webm";
}

/** "02:05 / 20:00". */
export function timerText(seconds: number, max = MAX_RECORDING_SECONDS): string {
  const f = (s: number) => `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(Math.floor(s % 60)).padStart(2, "0")}`;
  return `${f(seconds)} / ${f(max)}`;
}

/** A title for a recording made now: "Recording 28 Nov, 14:05". */
export function recordingTitle(now: Date): string {
  return `Recording ${now.toLocaleDateString("en-GB", { day: "numeric", month: "short" })}, ${now.toTimeString().slice(0, 5)}`;
}
