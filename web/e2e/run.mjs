// End-to-end flows of the web client in Debian's Chromium (playwright-core, never a downloaded
// browser) against the whole local system: starts `./coherence up --port <free>` over a fresh data
// dir, runs every flow at 390 px (phone) and 1366 px (laptop), asserts on each page that nothing is
// wider than the screen and that axe-core finds nothing critical or serious, keeps screenshots in
// web/test-results/, then stops the system. Run by `./coherence test` after the unit tests.
//
//   node e2e/run.mjs                          # starts and stops its own system
//   node e2e/run.mjs http://127.0.0.1:8080    # against a running ./coherence up
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, openSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { makeTalk } from "./talk.mjs";
import { flows } from "./flows.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const results = join(here, "..", "test-results");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const VIEWPORTS = [{ name: "phone", width: 390, height: 844 }, { name: "laptop", width: 1366, height: 900 }];

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** Starts the system; once more if it exits while starting (an emulator can lose a free port to another process on a busy machine). */
async function startSystem() {
  try {
    return await startOnce();
  } catch (e) {
    if (!/exited/.test(e.message)) throw e;
    console.log(`web e2e: ${e.message}; starting once more`);
    return startOnce();
  }
}

async function startOnce() {
  const port = await freePort();
  const data = join(results, "data");
  rmSync(data, { recursive: true, force: true });
  mkdirSync(data, { recursive: true });
  const log = openSync(join(results, "coherence-up.log"), "w");
  // Its own process group, so stopping it ends the JVM and its emulator children together.
  const child = spawn(join(root, "coherence"), ["up", "--port", String(port)], {
    cwd: root, detached: true, stdio: ["ignore", log, log],
    // Room for the history flow's 12 reservations (more than a page) before the quota flow reaches the monthly limit.
    env: { ...process.env, COHERENCE_DATA_DIR: data, QUOTA_FREE_PER_MONTH: "20", QUOTA_UPLOADS_PER_DAY: "40" },
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`./coherence up exited (${child.exitCode}); see test-results/coherence-up.log`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false);
    if (ok) return { base, stop: () => stopSystem(child) };
    await new Promise((r) => setTimeout(r, 1000));
  }
  await stopSystem(child);
  throw new Error("./coherence up was not ready in 5 minutes; see test-results/coherence-up.log");
}

async function stopSystem(child) {
  if (child.exitCode != null) return;
  try { process.kill(-child.pid, "SIGTERM"); } catch { return; }
  for (let i = 0; i < 60 && child.exitCode == null; i++) await new Promise((r) => setTimeout(r, 500));
  if (child.exitCode == null) try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ }
}

/** E2E_FLOWS=sign-up,profile runs only those flows (a flow may need what an earlier one made). */
const only = process.env.E2E_FLOWS?.split(",");

async function main() {
  mkdirSync(results, { recursive: true });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const talk = makeTalk(join(results, "media"));
  const external = process.argv[2];
  const system = external ? { base: external.replace(/\/$/, ""), stop: async () => {} } : await startSystem();
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ["--no-sandbox", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-audio-capture=${talk.wav}`, "--autoplay-policy=no-user-gesture-required"],
  });
  let failed = 0;
  const started = Date.now();
  try {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const state = {};
      // A fresh folder: a FAILED-*.png left by an earlier run would speak of a failure that is not there.
      rmSync(join(results, viewport.name), { recursive: true, force: true });
      mkdirSync(join(results, viewport.name), { recursive: true });
      for (const flow of flows.filter((f) => !only || only.includes(f.name))) {
        const t0 = Date.now();
        try {
          const note = await flow.run({ page, base: system.base, viewport, talk, state, shotDir: join(results, viewport.name) });
          console.log(`ok   ${viewport.width}px ${flow.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)${note ? ` — ${note}` : ""}`);
        } catch (e) {
          failed++;
          console.log(`FAIL ${viewport.width}px ${flow.name}: ${String(e.message).split("\n").slice(0, 8).join("\n  ")}`);
          await page.screenshot({ path: join(results, viewport.name, `FAILED-${flow.name}.png`), fullPage: true }).catch(() => {});
          if (flow.essential) break;
        }
      }
      if (errors.length) { failed++; console.log(`FAIL ${viewport.width}px page errors: ${errors.join(" | ")}`); }
      await context.close();
    }
  } finally {
    await browser.close();
    await system.stop();
  }
  console.log(`web e2e: ${failed ? `${failed} failed` : "all flows passed"} in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in web/test-results/`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(`web e2e: ${e.message}`); process.exit(1); });
