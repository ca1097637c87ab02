// Browser check of the web client against the whole local system (`./coherence up`): headless
// Chromium signs up through the page, uploads a generated talk (festival speech over a face photo,
// muxed with the ffmpeg CLI), follows it to completed and checks the report, history and plans
// pages. Screenshots go to SHOT_DIR.
//
//   ./coherence up &   # then:
//   cd web && node e2e/local-check.mjs [BASE_URL=http://127.0.0.1:8080] [SHOT_DIR=/tmp/coherence-web-local]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import puppeteer from "puppeteer-core";

const base = (process.argv[2] ?? "http://127.0.0.1:8080").replace(/\/$/, "");
const shots = process.argv[3] ?? "/tmp/coherence-web-local";
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const face = "/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg";

/** A ~20 s talk: a face photo with spoken sentences (festival), H.264 + AAC in MP4. */
function generateTalk(dir) {
  const text = join(dir, "talk.txt");
  writeFileSync(text, "Hello everyone. Today I will show you our results for the quarter. " +
    "As you can see here, sales grew by twenty percent. Um, this is really exciting news for the whole team. " +
    "Thank you for listening.");
  const wav = join(dir, "talk.wav");
  execFileSync("text2wave", ["-o", wav, "-eval", "(voice_cmu_us_slt_arctic_hts)", text]);
  const photo = existsSync(face) ? face : null;
  if (!photo) throw new Error(`face photo ${face} missing: apt-get install python-matplotlib-data`);
  const out = join(dir, "talk.mp4");
  execFileSync("ffmpeg", ["-loglevel", "error", "-y", "-loop", "1", "-framerate", "10", "-i", photo, "-i", wav,
    "-vf", "scale=640:-2,format=yuv420p", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", "-shortest", out]);
  return out;
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const health = await fetch(`${base}/healthz`).catch(() => null);
  if (!health?.ok) throw new Error(`${base}/healthz is not 200: start the system with ./coherence up`);
  const video = generateTalk(mkdtempSync(join(tmpdir(), "web-local-")));
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox"] });
  const results = [];
  const check = (name, ok, detail = "") => {
    results.push(ok);
    console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
  };
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(base, { waitUntil: "networkidle0" });
    const modes = await page.evaluate(() => ({ ...document.body.dataset }));
    console.log(`client modes: auth=${modes.auth} realtime=${modes.realtime}`);

    const email = `web-${Date.now()}@example.com`;
    await page.type("input[name=email]", email);
    await page.type("input[name=password]", "secret-pass");
    await page.click("[data-testid=sign-up]");
    await page.waitForSelector("#nav:not([hidden])", { timeout: 15000 });
    check("signed up through the page", true, email);

    const input = await page.waitForSelector("[data-testid=file]");
    await input.uploadFile(video);
    await page.$eval("[data-testid=title]", (el) => { el.value = "Browser check talk"; });
    await page.click("[data-testid=upload]");
    await page.waitForFunction(() => location.hash.startsWith("#/videos/")
      || document.querySelector("[data-testid=upload-message]")?.className === "error", { timeout: 120000 });
    const uploadMessage = await page.$eval("[data-testid=upload-message]", (el) => el.textContent).catch(() => "");
    if (!page.url().includes("#/videos/")) throw new Error(`upload failed in the page: ${uploadMessage}`);
    const videoId = await page.evaluate(() => decodeURIComponent(location.hash.slice("#/videos/".length)));
    check("upload reserved and PUT to the signed URL", Boolean(videoId), videoId);

    const statuses = new Set();
    const started = Date.now();
    let shotProgress = false;
    while (Date.now() - started < 600_000) {
      const status = await page.$eval("[data-testid=video-status]", (el) => el.textContent).catch(() => "");
      statuses.add(status);
      if (!shotProgress && status.startsWith("Analysing")) {
        await page.screenshot({ path: join(shots, "1-progress.png") });
        shotProgress = true;
      }
      if (await page.$("[data-testid=score]")) break;
      if (status.startsWith("Failed")) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    console.log(`statuses seen: ${[...statuses].filter(Boolean).join(" → ")}`);
    const score = await page.$eval("[data-testid=score]", (el) => el.textContent).catch(() => null);
    check("the analysis completes and the report shows a score", score != null, `score ${score} after ${Math.round((Date.now() - started) / 1000)} s`);
    if (modes.realtime === "firestore") {
      check("progress came through the Firestore listener", [...statuses].some((s) => s.endsWith("· live")));
    }
    if (score != null) {
      await page.waitForFunction(() => document.querySelector("video")?.readyState >= 1, { timeout: 15000 })
        .then(() => check("the original plays back through /playback", true))
        .catch(() => check("the original plays back through /playback", false));
      const marker = await page.$("[data-testid=flag-marker]");
      if (marker) {
        const at = Number(await marker.evaluate((el) => el.dataset.time));
        await marker.click();
        await page.waitForFunction((t) => Math.abs(document.querySelector("video").currentTime - Math.max(0, t - 1)) < 1.5, { timeout: 10000 }, at)
          .then(() => check("clicking a flag seeks the video", true, `flag at ${at} s`))
          .catch(() => check("clicking a flag seeks the video", false));
        await page.evaluate(() => document.querySelector("video").pause());
      } else {
        console.log("no flags in this talk's report: seek not checked");
      }
    }
    await page.screenshot({ path: join(shots, "2-report.png"), fullPage: true });

    await page.goto(`${base}/#/`, { waitUntil: "networkidle0" });
    await page.waitForSelector(`[data-video-id="${videoId}"]`, { timeout: 10000 })
      .then(() => check("history lists the talk", true))
      .catch(() => check("history lists the talk", false));
    await page.screenshot({ path: join(shots, "3-history.png"), fullPage: true });

    await page.goto(`${base}/#/plans`, { waitUntil: "networkidle0" });
    const plan = await page.waitForSelector("[data-testid=plan]", { timeout: 10000 }).then((el) => el.evaluate((e) => e.textContent)).catch(() => null);
    check("usage shows the plan", plan === "Free", String(plan));
    const checkout = await page.$("[data-testid=checkout-individual]");
    if (checkout) {
      await checkout.click();
      await page.waitForFunction(() => document.querySelector("[data-testid=billing-message]")?.textContent && !document.querySelector("[data-testid=billing-message]").textContent.startsWith("Opening"), { timeout: 10000 }).catch(() => {});
      const message = await page.$eval("[data-testid=billing-message]", (el) => el.textContent);
      check("checkout answers (Stripe URL or a clear not-configured message)", /Billing is not configured|Opening Stripe/.test(message) || page.url().includes("stripe.com"), message);
    }
    await page.screenshot({ path: join(shots, "4-plans.png"), fullPage: true });
    check("no uncaught page errors", errors.length === 0, errors.join(" | "));
  } finally {
    await browser.close();
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`${results.length - failed}/${results.length} checks passed; screenshots in ${shots}`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`web local check: ${e.stack ?? e}`);
  process.exit(1);
});
