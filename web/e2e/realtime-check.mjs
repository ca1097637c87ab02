// Browser check of the client's realtime path, with headless Chromium (apt chromium) driven by
// puppeteer-core: the real Auth and Firestore emulators, the Firebase SDK vendored in web/vendor,
// and a small static server for web/ whose /v1/ answers are canned (the API itself is tested by
// its owners; this checks the client). It signs in through the page, moves videos/{id} through
// queued → processing → completed in the emulator and checks the page follows through the
// listener, renders the report, and that clicking a flag seeks the video. Screenshots go to
// the directory given as first argument (default: /tmp/coherence-web-check).
//
//   cd web && npm ci && npm run vendor && node e2e/realtime-check.mjs [SHOT_DIR]
import { createServer } from "node:http";
import { readFileSync, existsSync, mkdirSync, mkdtempSync, statSync } from "node:fs";
import { join, dirname, extname, normalize } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import puppeteer from "puppeteer-core";
import { startFirestore, startAuth, writeDoc, sampleVideo, freePort } from "./emulators.mjs";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(web, "..");
const shots = process.argv[2] ?? "/tmp/coherence-web-check";
const projectId = "demo-coherence-web";
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const email = "ada@example.com";
const password = "secret-pass";

const analysis = {
  videoId: "v-demo", durationSeconds: 40, coherenceScore: 81, scoreTier: "Strong",
  metrics: { eyeContact: 71, fillerWords: 4, fillerRatePerMinute: 6, speakingPace: 152, speakingPaceTarget: "140-160",
    pauses: { count: 5, longest: 3.4 }, vocalVariety: { pitchRangeSemitones: 5.2, monotoneSeconds: 8 },
    gestures: { perMinute: 7 }, fidgeting: 1, framing: { faceVisiblePct: 97, centeredPct: 82 } },
  dissonanceFlags: [
    { id: "f1", type: "MISSING_GESTURE", severity: "HIGH", timestamp: 12, endTimestamp: 14, description: "\"As you can see\" with no gesture or slide change.",
      coaching: "Point at the slide when you refer to it.", verbalEvidence: "as you can see here", visualEvidence: "hands still", vocalEvidence: null },
    { id: "f2", type: "FILLER_CLUSTER", severity: "MEDIUM", timestamp: 25, endTimestamp: 31, description: "Three fillers in six seconds.",
      coaching: "Pause instead of filling.", verbalEvidence: "um, uh, um", visualEvidence: null, vocalEvidence: null },
  ],
  timelineHeatmap: [{ timestamp: 0, severity: 0 }, { timestamp: 13, severity: 0.9 }, { timestamp: 20, severity: 0.1 }, { timestamp: 28, severity: 0.5 }, { timestamp: 40, severity: 0 }],
  strengths: ["Steady eye contact", "Pace inside the target band"], priorities: ["Gesture when you point at something"],
  transcript: [{ text: "so as you can see here um", start: 11, end: 15, confidence: 0.9, words: [
    { word: "so", start: 11, end: 11.3, filler: false }, { word: "as", start: 11.4, end: 11.6, filler: false },
    { word: "you", start: 11.6, end: 11.8, filler: false }, { word: "can", start: 11.8, end: 12, filler: false },
    { word: "see", start: 12, end: 12.4, filler: false }, { word: "here", start: 12.5, end: 12.9, filler: false },
    { word: "um", start: 13.5, end: 14, filler: true }] }],
  pipelineVersion: "check",
};

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".json": "application/json", ".webm": "video/webm" };

function serveFile(res, file, req) {
  const size = statSync(file).size;
  const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? "");
  const type = TYPES[extname(file)] ?? "application/octet-stream";
  if (range) {
    const start = Number(range[1]);
    const end = range[2] ? Number(range[2]) : size - 1;
    res.writeHead(206, { "Content-Type": type, "Content-Range": `bytes ${start}-${end}/${size}`, "Accept-Ranges": "bytes", "Content-Length": end - start + 1 });
    res.end(readFileSync(file).subarray(start, end + 1));
    return;
  }
  res.writeHead(200, { "Content-Type": type, "Content-Length": size, "Accept-Ranges": "bytes" });
  res.end(readFileSync(file));
}

async function main() {
  mkdirSync(shots, { recursive: true });
  if (!existsSync(join(web, "vendor", "firebase", "firebase-firestore.js"))) throw new Error("run `npm run vendor` in web/ first");
  const work = mkdtempSync(join(tmpdir(), "web-check-"));
  const video = sampleVideo(work);
  const rules = join(repo, "infra", "firestore.rules");
  const [firestore, auth] = await Promise.all([startFirestore({ rules }), startAuth(projectId, join(repo, "local", "emulators", "node_modules", ".bin", "firebase"))]);
  const port = await freePort();
  const config = { projectId, firebase: { apiKey: "demo-api-key", projectId }, emulators: { auth: `127.0.0.1:${auth.port}`, firestore: `127.0.0.1:${firestore.port}` } };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const json = (body) => { res.writeHead(200, { "Content-Type": "application/json" }); res.end(JSON.stringify(body)); };
    if (path === "/config.json") return json(config);
    if (path === "/v1/videos/v-demo/analysis") return json(analysis);
    if (path === "/v1/videos/v-demo/playback") return json({ url: "/media/sample.webm" });
    if (path === "/v1/usage") return json({ plan: "free", limits: { analysesThisMonth: 2, uploadsToday: 10 }, used: { analysesThisMonth: 1, uploadsToday: 1 }, remaining: { analysesThisMonth: 1, uploadsToday: 1 }, resetsAt: { month: "2026-12-01T00:00:00Z", day: "2026-11-25T00:00:00Z" } });
    if (path === "/v1/videos") return json({ items: [{ videoId: "v-demo", title: "Quarterly review", status: "completed", coherenceScore: 81, scoreTier: "Strong", durationSeconds: 40, createdAt: new Date().toISOString() }], nextCursor: null });
    if (path === "/v1/me") return json({ uid: "u", email, plan: "free", stats: { analyses: 4, averageScore: 68.5, bestScore: 81, lastScore: 81,
      trend: [52, 61, 80, 81], topFillerWords: [{ word: "um", count: 9 }], topFlagTypes: [{ type: "FILLER_CLUSTER", count: 3 }] } });
    if (path === "/media/sample.webm") return serveFile(res, video, req);
    const file = normalize(join(web, path === "/" ? "index.html" : path));
    if (!file.startsWith(web) || !existsSync(file) || statSync(file).isDirectory()) { res.writeHead(404); return res.end(); }
    return serveFile(res, file, req);
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  const base = `http://127.0.0.1:${port}`;
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--autoplay-policy=no-user-gesture-required"] });
  const results = [];
  const check = (name, ok, detail = "") => {
    results.push({ name, ok });
    console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
  };
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(base, { waitUntil: "networkidle0" });
    const modes = await page.evaluate(() => ({ ...document.body.dataset }));
    check("SDK sign-in and Firestore listener are active", modes.auth === "sdk" && modes.realtime === "firestore", JSON.stringify(modes));
    await page.screenshot({ path: join(shots, "1-sign-in.png") });

    await page.type("input[name=email]", email);
    await page.type("input[name=password]", password);
    await page.click("[data-testid=sign-up]");
    await page.waitForSelector("#nav:not([hidden])", { timeout: 15000 });
    const who = await page.$eval("#who", (el) => el.textContent);
    check("account created through the Auth emulator", who === email, who);
    const uid = await lookupUid(auth);

    await writeDoc(firestore, projectId, "videos/v-demo", { videoId: "v-demo", userId: uid, title: "Quarterly review", status: "queued", createdAt: new Date() });
    await page.goto(`${base}/#/videos/v-demo`, { waitUntil: "networkidle0" });
    await page.waitForFunction(() => document.querySelector("[data-testid=video-status]")?.textContent === "Queued · live", { timeout: 15000 });
    check("queued status arrives through the listener", true);

    await writeDoc(firestore, projectId, "videos/v-demo", { videoId: "v-demo", userId: uid, title: "Quarterly review", status: "processing",
      progress: { stage: "speech", percent: 40, etaSeconds: 12 }, createdAt: new Date() });
    await page.waitForFunction(() => document.querySelector("[data-testid=video-progress]")?.textContent.includes("40%"), { timeout: 15000 });
    const progress = await page.$eval("[data-testid=video-progress]", (el) => el.textContent);
    check("progress is shown live", progress.startsWith("Transcribing speech — 40%"), progress);
    await page.screenshot({ path: join(shots, "2-progress.png") });

    await writeDoc(firestore, projectId, "videos/v-demo", { videoId: "v-demo", userId: uid, title: "Quarterly review", status: "completed",
      progress: { stage: "done", percent: 100 }, coherenceScore: 81, scoreTier: "Strong", durationSeconds: 40, createdAt: new Date() });
    await page.waitForSelector("[data-testid=score]", { timeout: 15000 });
    const score = await page.$eval("[data-testid=score]", (el) => el.textContent);
    const markers = await page.$$eval("[data-testid=flag-marker]", (els) => els.map((e) => e.style.left));
    check("report renders score and flags", score === "81" && markers.length === 2, `score ${score}, markers at ${markers.join(", ")}`);
    await page.waitForFunction(() => document.querySelector("video").readyState >= 1, { timeout: 15000 });
    await page.click("[data-testid=flag-marker]"); // the first flag, at 12 s: the player starts 1 s earlier
    await page.waitForFunction(() => Math.abs(document.querySelector("video").currentTime - 11) < 1.5, { timeout: 10000 });
    const time = await page.$eval("video", (v) => v.currentTime);
    check("clicking a flag seeks the video to it", Math.abs(time - 11) < 1.5, `currentTime ${time.toFixed(2)}`);
    await page.evaluate(() => document.querySelector("video").pause());
    await page.screenshot({ path: join(shots, "3-report.png"), fullPage: true });

    if (existsSync(rules)) {
    await writeDoc(firestore, projectId, "videos/v-other", { videoId: "v-other", userId: "someone-else", title: "Not yours", status: "processing" });
    await page.goto(`${base}/#/videos/v-other`, { waitUntil: "networkidle0" });
    await new Promise((r) => setTimeout(r, 1500));
    const other = await page.$eval("[data-testid=video-status]", (el) => el.textContent);
    check("another user's video is not shown through the listener", !other.includes("live"), other || "(nothing shown)");
    } else {
      console.log("skip another user's video: infra/firestore.rules does not exist yet (emulator runs open)");
    }

    await page.goto(`${base}/#/`, { waitUntil: "networkidle0" });
    await page.waitForSelector("[data-video-id=v-demo]", { timeout: 10000 });
    await page.waitForSelector("[data-testid=progress-card]:not([hidden])", { timeout: 10000 });
    const points = await page.$eval("[data-testid=progress-card] polyline", (el) => el.getAttribute("points"));
    check("progress card shows stats and the score trend", points.split(" ").length === 4, points);
    await page.screenshot({ path: join(shots, "4-history.png"), fullPage: true });
    check("history lists the talk", true);
    check("no uncaught page errors", errors.length === 0, errors.join(" | "));
  } finally {
    await browser.close();
    server.close();
    await Promise.all([firestore.stop(), auth.stop()]);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed}/${results.length} checks passed; screenshots in ${shots}`);
  process.exit(failed ? 1 : 0);
}

async function lookupUid(auth) {
  const url = `http://${auth.host}:${auth.port}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`;
  const reply = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password, returnSecureToken: true }) });
  return (await reply.json()).localId;
}

main().catch((e) => {
  console.error(`web check: ${e.stack ?? e}`);
  process.exit(1);
});
