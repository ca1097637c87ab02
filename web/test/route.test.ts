import { describe, expect, it } from "vitest";
import { parseRoute, titleOf } from "../src/route";
import { recordingTitle, recordingType, timerText, uploadTypeOf } from "../src/lib/recording";
import { mergeLive, normalizeVideo } from "../src/lib/video";
import { normalizeConfig } from "../src/lib/config";

describe("routes and titles", () => {
  it("parses every route, unknown ones going home", () => {
    expect(parseRoute("#/videos/abc%20d")).toEqual({ page: "video", videoId: "abc d" });
    expect(parseRoute("#/profile")).toEqual({ page: "profile" });
    expect(parseRoute("#/nope")).toEqual({ page: "home" });
    expect(parseRoute("")).toEqual({ page: "home" });
  });
  it("gives each route its own title, and sign-in to signed-out visitors", () => {
    const pages = ["home", "record", "plans", "profile", "sample", "welcome", "reset"] as const;
    const titles = pages.map((page) => titleOf({ page } as never, true));
    expect(new Set(titles).size).toBe(pages.length);
    expect(titleOf({ page: "plans" }, false)).toBe("Sign in · Coherence");
    expect(titleOf({ page: "video", videoId: "x" }, true, "Pitch")).toBe("Pitch — report · Coherence");
  });
});

describe("recording", () => {
  it("prefers webm and reserves it without codecs", () => {
    expect(recordingType((t) => t === "video/webm" || t === "video/mp4")).toBe("video/webm");
    expect(recordingType(() => false)).toBe("");
    expect(uploadTypeOf("video/webm;codecs=vp8,opus")).toBe("video/webm");
    expect(uploadTypeOf("video/mp4;codecs=avc1")).toBe("video/mp4");
    expect(uploadTypeOf("")).toBe("video/webm");
  });
  it("shows the timer against the maximum", () => {
    expect(timerText(125)).toBe("02:05 / 20:00");
    expect(recordingTitle(new Date(2026, 10, 28, 14, 5))).toBe("Recording 28 Nov, 14:05");
  });
});

describe("live status", () => {
  it("reads a Firestore snapshot and keeps the list's signed thumbnail", () => {
    const card = normalizeVideo({ videoId: "v", title: "T", status: "queued", thumbnailUrl: "http://x/t.jpg", createdAt: "2026-11-28T10:00:00Z" }, "v")!;
    const live = normalizeVideo({ title: "T", status: "PROCESSING", progress: { percent: 49 } }, "v");
    const merged = mergeLive(card, live);
    expect(merged).toMatchObject({ status: "processing", percent: 49, thumbnailUrl: "http://x/t.jpg" });
    expect(merged.createdAt?.toISOString()).toBe("2026-11-28T10:00:00.000Z");
  });
  it("shows the server's tier words, and an older document's label as it was stored", () => {
    const typed = normalizeVideo({ status: "completed", coherenceScore: 64, scoreTier: "GOOD_START", scoreTierLabel: "Good Start" }, "v")!;
    expect(typed).toMatchObject({ scoreTier: "GOOD_START", scoreTierLabel: "Good Start" });
    const older = normalizeVideo({ status: "completed", coherenceScore: 80, scoreTier: "Strong" }, "v")!;
    expect(older.scoreTierLabel).toBe("Strong");
    expect(normalizeVideo({ status: "queued" }, "v")!.scoreTierLabel).toBeNull();
  });
  it("finds the emulators in config.json, and none in production", () => {
    expect(normalizeConfig({ emulators: { auth: "127.0.0.1:9099", firestore: "http://127.0.0.1:8085" } }).emulators.firestore)
      .toEqual({ host: "127.0.0.1", port: 8085, url: "http://127.0.0.1:8085" });
    expect(normalizeConfig({ firebase: { apiKey: "k", projectId: "p" } }).emulators).toEqual({ auth: null, firestore: null });
  });
});
