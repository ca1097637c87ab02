import { describe, expect, it } from "vitest";
import { ApiError, failureMessage, messageFor } from "../src/lib/errors";

describe("errors for people", () => {
  it("says the size limit in GB, not bytes", () => {
    const m = messageFor(413, { error: { code: "PAYLOAD_TOO_LARGE", message: "sizeBytes 6442450944 is over the limit of 5368709120", limit: 5368709120 } });
    expect(m).toBe("This file is too big. Videos can be up to 5 GB.");
    expect(m).not.toMatch(/\d{6,}/);
  });
  it("says the monthly limit with the reset date in words", () => {
    const m = messageFor(429, { error: { code: "QUOTA_EXCEEDED", message: "x", limit: 2, used: 2, resetsAt: "2026-12-01T00:00:00Z", window: "month" } });
    expect(m).toBe("You have used all 2 analyses of your plan this month. They come back on 1 December 2026, or choose a bigger plan now.");
  });
  it("says the daily cap apart from the monthly limit", () => {
    const m = messageFor(429, { error: { code: "QUOTA_EXCEEDED", limit: 10, resetsAt: "2026-11-29T00:00:00Z", window: "day" } });
    expect(m).toMatch(/^You have uploaded 10 talks today/);
    expect(m).toMatch(/29 November 2026/);
  });
  it("names accepted formats instead of echoing a content type", () => {
    const m = messageFor(415, { error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "contentType text/plain is not accepted" } });
    expect(m).not.toMatch(/text\/plain|contentType/);
    expect(m).toMatch(/MP4/);
  });
  it("offers a retry for network and server trouble only", () => {
    expect(new ApiError(0, null).retryable).toBe(true);
    expect(new ApiError(503, null).retryable).toBe(true);
    expect(new ApiError(400, { error: { code: "INVALID_ARGUMENT" } }).retryable).toBe(false);
    expect(new ApiError(0, null).message).toMatch(/connection/);
  });
  it("explains each media rejection and never shows the code", () => {
    for (const code of ["INVALID_MEDIA", "NO_AUDIO_TRACK", "NO_SPEECH", "TOO_LONG", "TOO_SHORT"]) {
      expect(failureMessage(code)).not.toContain(code);
      expect(failureMessage(code).length).toBeGreaterThan(20);
    }
    expect(failureMessage("INTERNAL")).toMatch(/not used/);
  });
});
