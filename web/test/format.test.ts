import { describe, expect, it } from "vitest";
import { authErrorMessage, contentTypeFor, formatBytes, formatDuration, formatMinutes, statusLabel, tierClass, titleFromFileName } from "../src/lib/format";

describe("format", () => {
  it("says sizes in MB and GB", () => {
    expect(formatBytes(6442450944)).toBe("6 GB");
    expect(formatBytes(5 * 1024 ** 3)).toBe("5 GB");
    expect(formatBytes(1_500_000)).toBe("1.5 MB");
    expect(formatBytes(12_345_678)).toBe("12 MB");
    expect(formatBytes(-1)).toBe("–");
  });
  it("says lengths as a clock and in minutes", () => {
    expect(formatDuration(75)).toBe("1:15");
    expect(formatDuration(3725)).toBe("1:02:05");
    expect(formatDuration(null)).toBe("–");
    expect(formatMinutes(1200)).toBe("20 minutes");
    expect(formatMinutes(45)).toBe("45 seconds");
  });
  it("never shows a status code or an unknown wire word", () => {
    expect(statusLabel("processing")).toBe("Analysing");
    expect(statusLabel("SOMETHING_NEW")).toBe("Unknown");
  });
  it("maps tiers by the API's tier name, not by score cut-offs", () => {
    expect(tierClass("STRONG")).toBe("tier-strong");
    expect(tierClass("GOOD_START")).toBe("tier-good");
    expect(tierClass("NEEDS_WORK")).toBe("tier-work");
    expect(tierClass("Good Start")).toBe("tier-none");
    expect(tierClass(undefined)).toBe("tier-none");
  });
  it("reserves a recording's container without codecs", () => {
    expect(contentTypeFor("talk.webm", "video/webm;codecs=vp8,opus")).toBe("video/webm");
    expect(contentTypeFor("talk.MKV", "")).toBe("video/x-matroska");
    expect(contentTypeFor("notes.txt", "")).toBe("application/octet-stream");
    expect(titleFromFileName("my_talk-final.mp4")).toBe("my talk final");
  });
  it("turns Auth codes into sentences without the code", () => {
    expect(authErrorMessage("auth/wrong-password")).toBe("Wrong email or password.");
    expect(authErrorMessage("auth/email-already-in-use")).toMatch(/already exists/);
    expect(authErrorMessage("auth/some-new-code")).not.toMatch(/auth|code/i);
  });
});
