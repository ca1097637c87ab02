import { test } from "node:test";
import assert from "node:assert/strict";
import {
  formatDuration, formatBytes, formatWhen, formatEta, toDate, tierOf, tierClass, statusLabel, stageLabel,
  flagTypeLabel, authErrorMessage, contentTypeFor, titleFromFileName, apiErrorMessage,
} from "../js/format.js";

test("formatDuration_shouldShowMinutesSecondsAndHours", () => {
  assert.equal(formatDuration(0), "0:00");
  assert.equal(formatDuration(75.9), "1:15");
  assert.equal(formatDuration(3725), "1:02:05");
  assert.equal(formatDuration(null), "–");
  assert.equal(formatDuration(-3), "–");
});

test("formatBytes_shouldUseBinaryUnits", () => {
  assert.equal(formatBytes(512), "512 B");
  assert.equal(formatBytes(1536), "1.5 KB");
  assert.equal(formatBytes(5 * 1024 ** 3), "5.0 GB");
  assert.equal(formatBytes(undefined), "–");
});

test("toDate_shouldAcceptIsoStringsFirestoreTimestampsAndDates", () => {
  assert.equal(toDate("2026-11-24T10:00:00Z").toISOString(), "2026-11-24T10:00:00.000Z");
  assert.equal(toDate({ seconds: 1, nanoseconds: 500_000_000 }).getTime(), 1500);
  assert.equal(toDate({ toDate: () => new Date(42) }).getTime(), 42);
  assert.equal(toDate("not a date"), null);
  assert.equal(toDate(null), null);
});

test("formatWhen_shouldBeRelativeForTheLastDayThenADate", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  assert.equal(formatWhen("2026-11-24T11:59:30Z", now), "just now");
  assert.equal(formatWhen("2026-11-24T11:55:00Z", now), "5 min ago");
  assert.equal(formatWhen("2026-11-24T09:00:00Z", now), "3 h ago");
  assert.equal(formatWhen("2026-11-20T09:00:00Z", now), "2026-11-20");
});

test("formatEta_shouldRoundToSecondsOrMinutes", () => {
  assert.equal(formatEta(40.2), "about 40 s left");
  assert.equal(formatEta(190), "about 3 min left");
  assert.equal(formatEta(null), "");
});

test("tierOf_shouldMatchTheServersBoundaries", () => {
  assert.equal(tierOf(76), "Strong");
  assert.equal(tierOf(75), "Good Start");
  assert.equal(tierOf(51), "Good Start");
  assert.equal(tierOf(50), "Needs Work");
  assert.equal(tierOf(null), null);
  assert.equal(tierClass("Strong"), "tier-strong");
  assert.equal(tierClass("Good Start"), "tier-good");
  assert.equal(tierClass(undefined), "tier-none");
});

test("labels_shouldReadAsWords", () => {
  assert.equal(statusLabel("AWAITING_UPLOAD"), "Waiting for upload");
  assert.equal(statusLabel("processing"), "Analysing");
  assert.equal(stageLabel("speech"), "Transcribing speech");
  assert.equal(stageLabel("new_stage"), "new stage");
  assert.equal(flagTypeLabel("FILLER_CLUSTER"), "Filler cluster");
});

test("authErrorMessage_shouldExplainRestAndSdkCodes", () => {
  assert.equal(authErrorMessage("EMAIL_EXISTS"), "An account with that email already exists. Sign in instead.");
  assert.equal(authErrorMessage("auth/email-already-in-use"), "An account with that email already exists. Sign in instead.");
  assert.equal(authErrorMessage("WEAK_PASSWORD : Password should be at least 6 characters"), "Choose a password of at least 6 characters.");
  assert.equal(authErrorMessage("auth/invalid-credential"), "Wrong email or password.");
  assert.match(authErrorMessage("SOMETHING_ELSE"), /SOMETHING_ELSE/);
});

test("contentTypeFor_shouldPreferTheBrowserThenTheExtension", () => {
  assert.equal(contentTypeFor("talk.mp4", "video/mp4"), "video/mp4");
  assert.equal(contentTypeFor("talk.MOV", ""), "video/quicktime");
  assert.equal(contentTypeFor("talk.mkv", ""), "video/x-matroska");
  assert.equal(contentTypeFor("notes.txt", ""), "application/octet-stream");
  assert.equal(titleFromFileName("my_talk-final.mp4"), "my talk final");
  assert.equal(titleFromFileName(".mp4"), "Untitled talk");
});

test("apiErrorMessage_shouldUseTheErrorBody", () => {
  assert.equal(apiErrorMessage(404, { error: { code: "NOT_FOUND", message: "no such video" } }), "no such video");
  assert.equal(apiErrorMessage(429, { error: { code: "QUOTA_EXCEEDED", message: "2 of 2 used", resetsAt: "2026-12-01T00:00:00Z" } }),
    "2 of 2 used (resets 2026-12-01)");
  assert.equal(apiErrorMessage(502, null), "The server answered 502.");
});

test("uploadHeaders_shouldSendTheSignedHeadersAndDefaultTheContentType", async () => {
  const { uploadHeaders } = await import("../js/upload.js");
  assert.deepEqual(uploadHeaders({ uploadHeaders: { "Content-Type": "video/mp4", "x-goog-content-length-range": "10,10" } }, "video/webm"),
    { "Content-Type": "video/mp4", "x-goog-content-length-range": "10,10" });
  assert.deepEqual(uploadHeaders({}, "video/webm"), { "Content-Type": "video/webm" });
});
