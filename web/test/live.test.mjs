// watchVideo + createApi over real HTTP on 127.0.0.1, against a server that speaks the API's wire
// format and walks a video through its statuses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createApi } from "../js/api.js";
import { watchVideo } from "../js/live.js";

async function serve(handler) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

const send = (res, status, body) => {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
};

test("watchVideo_shouldPollUntilCompletedWithTheBearerToken", async () => {
  const steps = [
    { status: "queued" },
    { status: "processing", progress: { stage: "speech", percent: 40, etaSeconds: 12 } },
    { status: "processing", progress: { stage: "scoring", percent: 95 } },
    { status: "completed", progress: { stage: "done", percent: 100 }, coherenceScore: 81, scoreTier: "Strong" },
  ];
  let calls = 0;
  const seenAuth = new Set();
  const server = await serve((req, res) => {
    seenAuth.add(req.headers.authorization);
    assert.equal(req.url, "/v1/videos/v1");
    const step = steps[Math.min(calls++, steps.length - 1)];
    send(res, 200, { videoId: "v1", title: "Demo", createdAt: "2026-11-24T10:00:00Z", ...step });
  });
  try {
    const api = createApi({ base: server.base, token: async () => "tok" });
    const updates = [];
    await new Promise((resolve, reject) => {
      watchVideo("v1", { api, pollMillis: 5 }, (video, source) => {
        updates.push(video);
        assert.equal(source, "poll");
        if (video.status === "completed") resolve();
      }, reject);
    });
    assert.deepEqual(updates.map((u) => u.status), ["queued", "processing", "processing", "completed"]);
    assert.equal(updates[1].progress.percent, 40);
    assert.equal(updates[3].coherenceScore, 81);
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(calls, 4, "no polling after a terminal status");
    assert.deepEqual([...seenAuth], ["Bearer tok"]);
  } finally {
    await server.close();
  }
});

test("watchVideo_shouldReportNotFoundAndStop", async () => {
  let calls = 0;
  const server = await serve((req, res) => {
    calls++;
    send(res, 404, { error: { code: "NOT_FOUND", message: "no video v2" } });
  });
  try {
    const api = createApi({ base: server.base, token: async () => "tok" });
    const error = await new Promise((resolve) => watchVideo("v2", { api, pollMillis: 5 }, () => {}, resolve));
    assert.equal(error.status, 404);
    assert.equal(error.code, "NOT_FOUND");
    assert.equal(error.message, "no video v2");
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(calls, 1);
  } finally {
    await server.close();
  }
});

test("watchVideo_shouldKeepPollingThroughTransientErrors", async () => {
  let calls = 0;
  const server = await serve((req, res) => {
    calls++;
    if (calls < 3) send(res, 503, { error: { code: "UNAVAILABLE", message: "busy" } });
    else send(res, 200, { videoId: "v3", status: "failed", error: { code: "INVALID_MEDIA", message: "not a video" } });
  });
  try {
    const api = createApi({ base: server.base, token: async () => null });
    const video = await new Promise((resolve) => watchVideo("v3", { api, pollMillis: 5 }, resolve));
    assert.equal(video.status, "failed");
    assert.equal(video.error.code, "INVALID_MEDIA");
  } finally {
    await server.close();
  }
});

test("watchVideo_shouldUseTheListenerAndFallBackToPollingWhenItFails", async () => {
  const server = await serve((req, res) => send(res, 200, { videoId: "v4", status: "completed", coherenceScore: 60 }));
  try {
    const api = createApi({ base: server.base, token: async () => "tok" });
    const sources = [];
    const firestore = {
      watch(id, onData, onError) {
        onData({ status: "PROCESSING", progress: { percent: 10 }, createdAt: { seconds: 1, nanoseconds: 0 } });
        setTimeout(() => onError(new Error("permission-denied")), 5);
        return () => {};
      },
    };
    const done = await new Promise((resolve) => watchVideo("v4", { api, firestore, pollMillis: 5 }, (video, source) => {
      sources.push(`${source}:${video.status}`);
      if (video.status === "completed") resolve(video);
    }));
    assert.deepEqual(sources, ["listener:processing", "poll:completed"]);
    assert.equal(done.coherenceScore, 60);
  } finally {
    await server.close();
  }
});
