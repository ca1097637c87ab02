import { describe, expect, it } from "vitest";
import { doneKey, liveChanges, newKey, normalizeVideo, upsertCard, type Video } from "../src/lib/video";

const video = (videoId: string, fields: Record<string, unknown> = {}): Video =>
  normalizeVideo({ videoId, title: videoId, status: "completed", createdAt: "2026-11-28T10:00:00Z", ...fields }, videoId)!;

describe("history cards following the newest videos", () => {
  it("fetches a talk that appears in the snapshot and is not a card yet, once", () => {
    const cards = [video("a", { thumbnailUrl: "http://t/a" })];
    const live = [video("b", { status: "awaiting_upload" }), video("a")];
    expect(liveChanges(cards, live, new Set(), null)).toEqual({ fetch: ["b"], drop: [] });
    expect(liveChanges(cards, live, new Set([newKey("b")]), null)).toEqual({ fetch: [], drop: [] });
  });
  it("drops the card of a talk deleted elsewhere, and never fetches a deleted one", () => {
    const cards = [video("a"), video("b")];
    const live = [video("a", { deletedAt: "2026-11-28T11:00:00Z" }), video("c", { deletedAt: "2026-11-28T11:00:00Z" })];
    expect(liveChanges(cards, live, new Set(), null)).toEqual({ fetch: [], drop: ["a"] });
  });
  it("leaves a talk older than the last card to the next page while one is left to load", () => {
    const cards = [video("new", { createdAt: "2026-11-28T12:00:00Z", thumbnailUrl: "http://t/new" }),
      video("mid", { createdAt: "2026-11-28T11:00:00Z", thumbnailUrl: "http://t/mid" })];
    const live = [...cards, video("older", { createdAt: "2026-11-28T09:00:00Z" }), video("newer", { createdAt: "2026-11-28T13:00:00Z" })];
    expect(liveChanges(cards, live, new Set(), null, true).fetch).toEqual(["newer"]);
    expect(liveChanges(cards, live, new Set(), null, false).fetch).toEqual(["older", "newer"]);
  });
  it("does not bring back a card waiting for its undo", () => {
    expect(liveChanges([], [video("a")], new Set(), "a")).toEqual({ fetch: [], drop: [] });
  });
  it("fetches a finished talk once for its thumbnail, not one still on its way", () => {
    const cards = [video("a", { status: "processing" }), video("b", { thumbnailUrl: "http://t/b" })];
    expect(liveChanges(cards, [video("a", { status: "processing" }), video("b")], new Set(), null).fetch).toEqual([]);
    expect(liveChanges(cards, [video("a"), video("b")], new Set(), null).fetch).toEqual(["a"]);
    expect(liveChanges(cards, [video("a"), video("b")], new Set([doneKey("a")]), null).fetch).toEqual([]);
  });
  it("puts a new card first and replaces a card of the same talk in place", () => {
    const older = video("old", { createdAt: "2026-11-27T10:00:00Z" });
    const mid = video("mid", { createdAt: "2026-11-28T09:00:00Z" });
    const fresh = video("new", { createdAt: "2026-11-28T12:00:00Z" });
    expect(upsertCard([mid, older], fresh).map((v) => v.videoId)).toEqual(["new", "mid", "old"]);
    const done = upsertCard([fresh, mid, older], { ...mid, thumbnailUrl: "http://t/mid" });
    expect(done.map((v) => v.videoId)).toEqual(["new", "mid", "old"]);
    expect(done[1].thumbnailUrl).toBe("http://t/mid");
  });
});
