// The flows a person goes through, in order, each checked at the viewport's width: nothing wider
// than the screen, axe-core finds nothing critical or serious, a screenshot kept per page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const PASSWORD = "first-pass-1";
const NEW_PASSWORD = "second-pass-2";

const assert = (ok, message) => { if (!ok) throw new Error(message); };

/** Smallest hit area of a tappable thing, both ways (the issue's "touch targets of 44 px"). */
const TOUCH_PX = 44;
/** What WCAG 2.5.8 asks at least of a small target; the transcript's words keep to it. */
const INLINE_MIN_PX = 24;

/**
 * Tappable things on the page smaller than 44x44 px. A control inside running text (a link in a
 * sentence, a transcript word) is exempt from the 44 px rule, as WCAG 2.5.8's inline exception
 * allows: making it 44 px tall would space every line of text apart. Transcript words are buttons
 * (Tab reaches each) and are still held to 24 px of height.
 */
async function smallTargets(page) {
  return page.evaluate(([touch, inlineMin]) => {
    const inText = (el) => {
      // A button asked to be inline computes as inline-block; flex and block controls stand alone.
      if (!["inline", "inline-block"].includes(getComputedStyle(el).display)) return false;
      let block = el.parentElement;
      while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
      return !!block && block.textContent.trim().length > el.textContent.trim().length + 2;
    };
    const small = [];
    for (const el of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden" || r.right <= 0) continue; // not shown (the skip link waits off-screen)
      const what = `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") || el.textContent || el.getAttribute("name") || "").trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`;
      if (inText(el)) {
        if (el.tagName === "BUTTON" && r.height < inlineMin) small.push(`${what} (in text, under ${inlineMin} px tall)`);
      } else if (r.width < touch - 0.5 || r.height < touch - 0.5) small.push(what);
    }
    return small;
  }, [TOUCH_PX, INLINE_MIN_PX]);
}

/** Width, touch targets, page title, axe and a screenshot of the page as it is now; returns the screenshot's path. */
async function check(ctx, name) {
  const { page, viewport, shotDir } = ctx;
  await page.waitForTimeout(300); // let layout and transitions settle
  const width = await page.evaluate(() => {
    const wide = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wide };
  });
  assert(width.scroll <= width.inner, `${name}: page is ${width.scroll} px wide at ${width.inner} px (${width.wide.join(", ")})`);
  const small = await smallTargets(page);
  assert(small.length === 0, `${name}: ${small.length} touch target(s) under ${TOUCH_PX} px at ${width.inner} px: ${small.slice(0, 4).join("; ")}`);
  const title = await page.title();
  assert(title.endsWith("· Coherence"), `${name}: page title "${title}"`);
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "critical" || v.impact === "serious")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join("; ")}`);
  });
  assert(violations.length === 0, `${name}: axe found ${violations.join(" | ")}`);
  const path = join(shotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return `test-results/${viewport.name}/${name}.png`;
}

/** Opens a route. A Firestore listener keeps a request open, so the network may never go idle: wait 2 s at most. */
const go = async (page, base, hash) => {
  await page.goto(`${base}/${hash}`);
  await page.waitForLoadState("networkidle", { timeout: 2000 }).catch(() => {});
};

/** The Auth emulator's host:port and the project, from /config.json. */
async function authEmulator(base) {
  const config = await (await fetch(`${base}/config.json`)).json();
  return { host: config.emulators.auth, project: config.projectId };
}

/** An ID token from the Auth emulator named in /config.json (the API's own sign-in path). */
async function idToken(base, email, password) {
  const { host } = await authEmulator(base);
  const reply = await fetch(`http://${host}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=any`, {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const json = await reply.json();
  assert(json.idToken, `sign-in for the quota check failed: ${JSON.stringify(json).slice(0, 200)}`);
  return json.idToken;
}

/** A call to the API as the signed-in user; the JSON answer (an error answer throws). */
async function callApi(base, token, method, path, body) {
  const reply = await fetch(`${base}${path}`, { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await reply.json().catch(() => null);
  assert(reply.ok, `${method} ${path}: ${reply.status} ${JSON.stringify(json).slice(0, 200)}`);
  return json;
}

/** The out-of-band codes the Auth emulator issued to an address (it sends no e-mail; it keeps them). */
async function passwordResetCodes(base, email) {
  const { host, project } = await authEmulator(base);
  const reply = await (await fetch(`http://${host}/emulator/v1/projects/${project}/oobCodes`)).json();
  return (reply.oobCodes ?? []).filter((c) => c.email === email && c.requestType === "PASSWORD_RESET");
}

/** Codes a recording may fail with after it was decoded and listened to: the file was fine, the talk was not there. */
const JUDGED_NOT_A_TALK = ["NO_SPEECH", "TOO_SHORT"];

export const flows = [
  { name: "landing", run: async (ctx) => {
    await go(ctx.page, ctx.base, "#/");
    await ctx.page.getByRole("heading", { level: 1 }).waitFor();
    const text = await ctx.page.textContent("body");
    assert(!/emulator|127\.0\.0\.1/i.test(text), "the sign-in page mentions the emulator");
    assert(!(await ctx.page.isVisible("[data-testid=sign-out]")), "a signed-out visitor sees Sign out");
    return check(ctx, "01-landing");
  } },

  { name: "sample-report", run: async (ctx) => {
    const { page } = ctx;
    await page.click("[data-testid=see-sample]");
    await page.waitForSelector("[data-testid=report]");
    const lanes = await page.$$eval("[data-testid^=lane-]", (els) => els.map((e) => e.dataset.testid));
    for (const lane of ["lane-flags", "lane-look_away", "lane-face_touch", "lane-smile", "lane-filler", "lane-pause"]) {
      assert(lanes.includes(lane), `sample timeline has no ${lane} (has ${lanes.join(", ")})`);
    }
    const mark = page.locator("[data-testid=lane-pause] [data-testid=moment-mark]").first();
    const start = Number(await mark.getAttribute("data-start"));
    await mark.click();
    await page.waitForFunction((t) => document.querySelector("[data-testid=player-placeholder]")?.textContent?.includes(t),
      `${Math.floor((start - 1) / 60)}:${String(Math.floor(start - 1) % 60).padStart(2, "0")}`, { timeout: 3000 });
    const word = page.locator("[data-testid=word]").nth(30);
    await word.click();
    assert((await word.getAttribute("aria-current")) === "true", "the tapped word is not marked as being spoken");
    return check(ctx, "02-sample-report");
  } },

  { name: "sign-up", essential: true, run: async (ctx) => {
    const { page } = ctx;
    ctx.state.email = `web-${ctx.viewport.name}-${Date.now()}@example.com`;
    await go(page, ctx.base, "#/");
    await page.click("[data-testid=to-sign-up]");
    await page.fill("input[name=email]", ctx.state.email);
    await page.fill("input[name=password]", PASSWORD);
    await page.click("[data-testid=submit-auth]");
    await page.waitForSelector("[data-testid=welcome-sample]", { timeout: 20000 });
    await page.waitForSelector("[data-testid=sign-out]");
    return check(ctx, "03-welcome");
  } },

  { name: "record-and-upload", run: async (ctx) => {
    const { page } = ctx;
    await go(page, ctx.base, "#/record");
    await page.click("[data-testid=open-camera]");
    await page.waitForSelector("[data-testid=start-recording]", { timeout: 15000 });
    await page.waitForFunction(() => (document.querySelector("[data-testid=preview]")?.videoWidth ?? 0) > 0, null, { timeout: 10000 });
    const preview = await check(ctx, "04-record-preview");
    await page.click("[data-testid=start-recording]");
    await page.waitForSelector("[data-testid=timer]");
    await page.waitForTimeout(12000);
    const timer = await page.textContent("[data-testid=timer]");
    assert(/00:1[0-9] \/ 20:00/.test(timer), `timer shows ${timer}`);
    await page.click("[data-testid=stop-recording]");
    await page.waitForSelector("[data-testid=take]");
    await page.click("[data-testid=retake]");
    await page.waitForSelector("[data-testid=start-recording]");
    await page.click("[data-testid=start-recording]");
    await page.waitForTimeout(12000);
    await page.click("[data-testid=stop-recording]");
    await page.waitForSelector("[data-testid=upload-recording]");
    await check(ctx, "05-recorded");
    // A flaky network: the second chunk of the upload session never gets through.
    const session = { chunks: [], queries: 0, dropped: null };
    await page.route("**/blobs/session**", async (route) => {
      const range = route.request().headers()["content-range"] ?? "";
      if (range.startsWith("bytes */")) session.queries++;
      else session.chunks.push(range);
      if (!session.dropped && session.chunks.length === 2 && !range.startsWith("bytes */")) {
        session.dropped = range;
        return route.abort("internetdisconnected");
      }
      return route.continue();
    });
    await page.click("[data-testid=upload-recording]");
    await page.waitForSelector("text=/connection dropped/i", { timeout: 30000 });
    await page.waitForURL(/#\/videos\//, { timeout: 60000 });
    await page.unroute("**/blobs/session**");
    assert(session.dropped, `the upload was not chunked (chunks: ${session.chunks.join(", ") || "none"})`);
    assert(session.queries >= 1, "after the drop the client did not ask the session where to resume");
    const resumedAt = session.chunks[2]?.match(/^bytes (\d+)-/)?.[1];
    assert(resumedAt === session.dropped.match(/^bytes (\d+)-/)[1], `resumed at ${session.chunks[2]} after dropping ${session.dropped}`);
    // A recording is webm: the server accepted it; the analysis ends in a report or a plain reason.
    await page.waitForSelector("[data-testid=report], [data-testid=video-status][data-status=failed]", { timeout: 120000 });
    const failed = await page.isVisible("[data-testid=video-status][data-status=failed]");
    if (failed) {
      const why = await page.textContent("[data-testid=video-progress]");
      assert(!/[A-Z]{3,}_[A-Z]+/.test(why), `failure shows a code: ${why}`);
    }
    // Proven analysed: the recording was decoded and judged; a broken file (INVALID_MEDIA) or a crash
    // (INTERNAL) would also show a plain sentence on screen, so the code is read from the API.
    const recordedId = decodeURIComponent(new URL(page.url()).hash.replace("#/videos/", ""));
    const token = await idToken(ctx.base, ctx.state.email, PASSWORD);
    const doc = await callApi(ctx.base, token, "GET", `/v1/videos/${encodeURIComponent(recordedId)}`);
    const code = doc.error?.code ?? null;
    assert(doc.status === "completed" || (doc.status === "failed" && JUDGED_NOT_A_TALK.includes(code)),
      `the recording ended ${doc.status}${code ? ` (${code}: ${doc.error.message})` : ""}, not decoded and judged`);
    ctx.state.recordingCompleted = doc.status === "completed";
    const shot = await check(ctx, "06-recording-result");
    return `recording ${doc.status}${code ? ` ${code}` : ` in ${doc.durationSeconds} s, score ${doc.coherenceScore}`}; ${session.chunks.length} chunks, ${session.dropped} dropped, ${session.queries} status question(s), resumed at byte ${resumedAt}; `
      + `${preview}, ${shot} (${failed ? "not analysed: " + (await page.textContent("[data-testid=video-progress]")) : "report"})`;
  } },

  { name: "upload-live-progress-report", essential: true, run: async (ctx) => {
    const { page } = ctx;
    await go(page, ctx.base, "#/");
    await page.click("summary");
    await page.setInputFiles("[data-testid=file]", ctx.talk.mp4);
    await page.fill("[data-testid=title]", "Quarterly results");
    await page.click("[data-testid=upload]");
    await page.waitForURL(/#\/videos\//, { timeout: 30000 });
    ctx.state.videoHash = new URL(page.url()).hash;
    // Live progress: the page follows the status through the Firestore listener, without reloads.
    const seen = new Set();
    const deadline = Date.now() + 120000;
    let progressShot = null;
    while (Date.now() < deadline) {
      if (await page.isVisible("[data-testid=report]")) break;
      const status = await page.getAttribute("[data-testid=video-status]", "data-status").catch(() => null);
      if (status && !seen.has(status)) {
        seen.add(status);
        if (!progressShot && (status === "queued" || status === "processing")) progressShot = await check(ctx, "07-live-progress");
      }
      await page.waitForTimeout(150);
    }
    await page.waitForSelector("[data-testid=report]", { timeout: 5000 });
    await page.waitForSelector("[data-testid=player]");
    const score = Number(await page.textContent("[data-testid=score]"));
    assert(score >= 0 && score <= 100, `score ${score}`);
    // The recording before it completed too: this is the second talk, compared with the first.
    let compared = "no comparison: the recording before it did not complete";
    if (ctx.state.recordingCompleted) {
      await page.waitForSelector("[data-testid=compare]", { timeout: 10000 });
      const text = await page.textContent("[data-testid=compare]");
      assert(/Compared with your previous talk/.test(text) && /Score: \d+/.test(text), `comparison: ${text}`);
      compared = `"${text.replace("Compared with your previous talk", "").trim().slice(0, 80)}"`;
    }
    const shot = await check(ctx, "08-report");
    return `statuses seen ${[...seen].join(" → ")} → completed; score ${score}; compared with the recording: ${compared}; ${progressShot ?? "(too fast for a progress shot)"}, ${shot}`;
  } },

  { name: "report-seek", run: async (ctx) => {
    const { page, talk } = ctx;
    const player = page.locator("[data-testid=player]");
    await page.waitForFunction(() => document.querySelector("[data-testid=player]")?.readyState >= 1, null, { timeout: 15000 });
    // The talk has one scripted 3 s silence: the analysed report must show it as a pause moment there.
    const marks = await page.$$eval("[data-testid=lane-pause] [data-testid=moment-mark]", (els) => els.map((e) => Number(e.dataset.start)));
    const found = marks.find((s) => Math.abs(s - talk.pause.start) < 1);
    assert(found !== undefined, `no pause moment near the scripted silence at ${talk.pause.start} s (pause marks at ${marks.join(", ") || "none"})`);
    await page.locator(`[data-testid=lane-pause] [data-testid=moment-mark][data-start="${found}"]`).click();
    const near = (target) => page.waitForFunction((t) => {
      const now = document.querySelector("[data-testid=player]").currentTime;
      return now >= t - 0.05 && now < t + 0.8;
    }, target, { timeout: 5000 });
    await near(Math.max(0, found - 1)); // a second of lead-in before the moment
    const word = page.locator("[data-testid=word]").nth(5);
    const at = Number(await word.getAttribute("data-start"));
    await word.click();
    await near(at);
    // The script says "Hello everyone. Today I will show you ...": the transcript reads as its sentences, cased and closed.
    const lines = await page.$$eval("[data-testid=transcript] p", (ps) => ps.map((p) => [...p.querySelectorAll("[data-testid=word]")].map((b) => b.textContent).join(" ")));
    assert(/^[A-Z]/.test(lines[0] ?? "") && lines.some((l) => /\bI will show\b/.test(l)) && lines.some((l) => /[.?!]$/.test(l)),
      `the transcript does not read as cased sentences: ${lines.join(" / ")}`);
    await player.evaluate((v) => v.pause());
    const inView = await player.evaluate((v) => { v.scrollIntoView(); window.scrollBy(0, 600); const r = v.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; });
    assert(inView, "the video leaves the screen while scrolling the report");
    const shot = await check(ctx, "09-report-scrolled");
    return `pause moment at ${found} s (scripted ${talk.pause.start.toFixed(2)} s) seeks the video to ${Math.max(0, found - 1)} s; word "${await word.textContent()}" at ${at} s seeks it; transcript "${lines.join(" / ")}"; video stays in view; ${shot}`;
  } },

  { name: "report-layout", run: async (ctx) => {
    const { page, viewport } = ctx;
    // A phone of today and the narrowest one still in use; the laptop is checked at its own size.
    const sizes = viewport.name === "phone" ? [{ width: 390, height: 844 }, { width: 320, height: 568 }] : [{ width: viewport.width, height: viewport.height }];
    const notes = [];
    for (const size of sizes) {
      await page.setViewportSize(size);
      await go(page, ctx.base, ctx.state.videoHash);
      await page.waitForSelector("[data-testid=report] [data-testid=tick]");
      await page.waitForTimeout(300); // the axis is measured after the first layout
      const ticks = await page.$$eval("[data-testid=tick]", (els) => els.map((e) => {
        const r = e.getBoundingClientRect();
        const track = e.parentElement.getBoundingClientRect();
        return { text: e.textContent, left: r.left, right: r.right, inside: r.left >= track.left - 1 && r.right <= track.right + 1 };
      }));
      assert(ticks.length >= 2, `${size.width}px: the time axis has ${ticks.length} labels`);
      for (let i = 1; i < ticks.length; i++) {
        assert(ticks[i - 1].right + 4 <= ticks[i].left, `${size.width}px: time labels "${ticks[i - 1].text}" and "${ticks[i].text}" overlap or touch`);
      }
      assert(ticks.every((t) => t.inside), `${size.width}px: a time label sticks out of the axis`);
      // Every part of the report can be brought into view without the stuck video covering it.
      const layout = await page.evaluate(async () => {
        const stage = document.querySelector("[data-testid=stage]");
        const words = document.querySelectorAll("[data-testid=word]");
        const targets = [...document.querySelectorAll(".report-layout h2, .report-layout .metric"), words[0], words[words.length - 1]].filter(Boolean);
        const covered = [];
        for (const el of targets) {
          el.scrollIntoView({ block: "start" });
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + Math.min(8, r.width / 2), r.top + Math.min(6, r.height / 2));
          if (!hit || !(hit === el || el.contains(hit))) covered.push(`"${el.textContent.trim().slice(0, 24)}" under ${hit ? hit.tagName.toLowerCase() + "." + hit.className : "nothing"}`);
        }
        return { stuck: getComputedStyle(stage).position === "sticky", stage: stage.getBoundingClientRect().height, screen: window.innerHeight, checked: targets.length, covered };
      });
      assert(layout.covered.length === 0, `${size.width}px: covered by the video panel: ${layout.covered.join("; ")}`);
      if (viewport.name === "phone") {
        assert(layout.stuck, `${size.width}px: the video does not stay in view`);
        assert(layout.stage <= 0.4 * layout.screen, `${size.width}px: the stuck video takes ${Math.round(layout.stage)} of ${layout.screen} px`);
      }
      const full = await check(ctx, `09b-report-layout-${size.width}`);
      notes.push(`${full} checked`);
      // What a person sees with the transcript scrolled to, the video stuck above it.
      await page.locator("[data-testid=word]").last().scrollIntoViewIfNeeded();
      const seen = join(ctx.shotDir, `09b-report-view-${size.width}.png`);
      await page.screenshot({ path: seen });
      notes.push(`${size.width}px: axis ${ticks.map((t) => t.text).join(" ")}; video panel ${Math.round(layout.stage)} of ${layout.screen} px; ${layout.checked} parts reachable, none covered; test-results/${viewport.name}/09b-report-view-${size.width}.png`);
    }
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    return notes.join(" | ");
  } },

  { name: "report-keyboard", run: async (ctx) => {
    const { page } = ctx;
    /** Presses Tab until the focus is on `selector`; how many presses it took. */
    const tabTo = async (selector, max) => {
      for (let i = 1; i <= max; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
      }
      const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
      throw new Error(`${max} Tab presses never reached ${selector} (focus on ${at})`);
    };
    const fresh = async () => {
      await page.goto(`${ctx.base}/${ctx.state.videoHash}`);
      await page.reload(); // focus starts at the top of the document
      await page.waitForSelector("[data-testid=report] [data-testid=moment-mark]");
    };
    // The main nav, from the top of the page: skip link first, then the nav; Enter follows a link.
    await fresh();
    const skip = await tabTo("a.skip", 1);
    const toPlans = skip + await tabTo("nav a[href='#/plans']", 8);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash === "#/plans");
    await page.waitForSelector("[data-testid=plan]");
    // The report: a pause moment with Enter, then a transcript word with Space, each seeks the video.
    await fresh();
    await page.waitForFunction(() => document.querySelector("[data-testid=player]")?.readyState >= 1, null, { timeout: 15000 });
    const near = (target) => page.waitForFunction((t) => {
      const now = document.querySelector("[data-testid=player]").currentTime;
      return now >= t - 0.05 && now < t + 0.8;
    }, target, { timeout: 5000 });
    const toMark = await tabTo("[data-testid=lane-pause] [data-testid=moment-mark]", 150);
    const markStart = Number(await page.evaluate(() => document.activeElement.dataset.start));
    await page.keyboard.press("Enter");
    await near(Math.max(0, markStart - 1));
    const toWord = toMark + await tabTo("[data-testid=word]", 300);
    const word = await page.evaluate(() => ({ text: document.activeElement.textContent, start: Number(document.activeElement.dataset.start) }));
    await page.keyboard.press("Space");
    await near(word.start);
    await page.locator("[data-testid=player]").evaluate((v) => v.pause());
    const shot = await check(ctx, "09c-report-keyboard-word");
    return `nav reached with ${toPlans} Tabs (skip link first), Enter opened Plans; pause moment at ${markStart} s reached with ${toMark} Tabs, `
      + `Enter seeks to ${Math.max(0, markStart - 1)} s; word "${word.text}" reached with ${toWord} Tabs, Space seeks to ${word.start} s; ${shot}`;
  } },

  { name: "history", run: async (ctx) => {
    const { page, base } = ctx;
    const token = await idToken(base, ctx.state.email, PASSWORD);
    // More than a page (12 cards) with the two talks before: reservations are listed like any talk, waiting for their file.
    for (let i = 1; i <= 11; i++) await callApi(base, token, "POST", "/v1/uploads", { title: `Seeded talk ${i}`, contentType: "video/mp4", sizeBytes: 1000 });
    const listed = (await callApi(base, token, "GET", "/v1/videos?limit=100&sort=createdAt&order=desc")).items.length;
    await go(page, base, "#/");
    await page.waitForSelector("[data-testid=talk]");
    const firstPage = await page.locator("[data-testid=talk]").count();
    assert(firstPage === 12 && await page.isVisible("[data-testid=load-more]"), `first page: ${firstPage} cards of ${listed}, load more ${await page.isVisible("[data-testid=load-more]")}`);
    // Live: an upload made elsewhere appears without a reload, and its status moves (random bytes are no talk).
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
    const made = await callApi(base, token, "POST", "/v1/uploads", { title: "Arrived while watching", contentType: "video/mp4", sizeBytes: junk.length });
    const liveCard = `[data-testid=talk][data-video-id="${made.videoId}"]`;
    await page.waitForSelector(liveCard, { timeout: 15000 });
    const put = await fetch(made.uploadUrl, { method: "PUT", headers: { ...(made.uploadHeaders ?? {}), "Content-Type": "video/mp4" }, body: junk });
    assert(put.ok, `uploading the junk file: ${put.status}`);
    await page.waitForSelector(`${liveCard}[data-status=failed]`, { timeout: 90000 });
    const liveShot = await check(ctx, "10a-history-live");
    // Load more: the rest, the talks analysed earlier among them, each finished one with its thumbnail.
    await page.click("[data-testid=load-more]");
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=talk]").length === n, listed + 1, { timeout: 15000 });
    assert(!(await page.isVisible("[data-testid=load-more]")), "load more still offered after the last page");
    const thumb = page.locator("[data-testid=talk][data-status=completed] img.thumb").first();
    await thumb.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await thumb.elementHandle(), { timeout: 10000 });
    const thumbSize = await thumb.evaluate((el) => `${el.naturalWidth}x${el.naturalHeight}`);
    assert((await thumb.getAttribute("src"))?.length > 0, "thumbnail without a src");
    const moreShot = await check(ctx, "10b-history-load-more");
    const historyNote = `first page 12 of ${listed + 1} cards; "Arrived while watching" appeared live and turned failed live; load more showed all ${listed + 1}; `
      + `a completed talk's thumbnail loaded (${thumbSize}); ${liveShot}, ${moreShot}`;
    await go(page, base, "#/");
    await page.waitForSelector("[data-testid=talk]");
    const count = await page.locator("[data-testid=talk]").count();
    const card = page.locator("[data-testid=talk]").first();
    await card.locator("[data-testid=rename]").click();
    await card.locator("[data-testid=rename-input]").fill("Renamed talk");
    await card.locator("[data-testid=rename-save]").click();
    await page.waitForSelector("[data-testid=talk-title]:has-text('Renamed talk')");
    await page.locator("[data-testid=talk]").first().locator("[data-testid=delete]").click();
    await page.waitForSelector("[data-testid=undo-toast]");
    assert(await page.locator("[data-testid=talk]").count() === count - 1, "deleted card still shown");
    const toast = await check(ctx, "10-history-deleted-undo");
    await page.click("[data-testid=undo]");
    await page.waitForSelector("[data-testid=talk-title]:has-text('Renamed talk')");
    await page.reload();
    await page.waitForSelector("[data-testid=talk-title]:has-text('Renamed talk')");
    const shot = await check(ctx, "11-history");
    return `${historyNote}; rename kept after reload; delete undone; ${toast}, ${shot}`;
  } },

  { name: "profile", run: async (ctx) => {
    const { page } = ctx;
    await go(page, ctx.base, "#/profile");
    await page.waitForSelector("[data-testid=chart-score] canvas", { timeout: 20000 });
    await page.fill("[data-testid=display-name]", "Ada Speaker");
    await page.click("[data-testid=save-name]");
    await page.waitForSelector("text=Saved.");
    await page.fill("[data-testid=pw-current]", PASSWORD);
    await page.fill("[data-testid=pw-new]", NEW_PASSWORD);
    await page.click("[data-testid=pw-change]");
    await page.waitForSelector("[data-testid=pw-message]:has-text('password is changed')", { timeout: 15000 });
    // Reset: the Auth emulator keeps the e-mail's out-of-band code instead of sending it.
    const before = (await passwordResetCodes(ctx.base, ctx.state.email)).length;
    await page.click("[data-testid=pw-reset]");
    await page.waitForSelector("[data-testid=pw-message]:has-text('was sent to')", { timeout: 15000 });
    const codes = await passwordResetCodes(ctx.base, ctx.state.email);
    assert(codes.length === before + 1, `PASSWORD_RESET codes for ${ctx.state.email}: ${before} before, ${codes.length} after`);
    const shot = await check(ctx, "12-profile");
    return `name saved; password changed; reset e-mail issued (PASSWORD_RESET code ${codes[codes.length - 1].oobCode.slice(0, 6)}… for the user); ${shot}`;
  } },

  { name: "plans", run: async (ctx) => {
    await go(ctx.page, ctx.base, "#/plans");
    await ctx.page.waitForSelector("[data-testid=plan]");
    return check(ctx, "13-plans");
  } },

  { name: "every-page-320-to-1440", run: async (ctx) => {
    const { page, viewport } = ctx;
    if (viewport.name !== "phone") return "done once, in the phone run";
    const routes = ["#/", "#/record", "#/plans", "#/profile", "#/sample", "#/welcome", ctx.state.videoHash].filter(Boolean);
    const checked = [];
    for (const width of [320, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      for (const hash of routes) {
        await go(page, ctx.base, hash);
        await page.waitForFunction((h) => location.hash === h, hash);
        await page.waitForTimeout(250); // the route renders after the hash changes
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        if (hash.startsWith("#/videos/")) await page.waitForSelector("[data-testid=report]");
        const slug = hash.startsWith("#/videos/") ? "report" : hash.replace(/^#\//, "") || "home";
        checked.push(await check(ctx, `17-sweep-${width}-${slug}`));
      }
    }
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    return `${checked.length / 2} pages fit at 320 and at 1440 px, touch targets and axe checked: ${checked.join(", ")}`;
  } },

  { name: "quota-limit", run: async (ctx) => {
    const { page, base } = ctx;
    const token = await idToken(base, ctx.state.email, NEW_PASSWORD);
    let reply;
    for (let i = 0; i < 30; i++) {
      reply = await fetch(`${base}/v1/uploads`, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ title: "filler", contentType: "video/mp4", sizeBytes: 1000 }) });
      if (reply.status === 429) break;
    }
    assert(reply.status === 429, `never reached the limit (${reply.status})`);
    await go(page, base, "#/");
    await page.waitForSelector("[data-testid=limit-notice]");
    const text = await page.textContent("[data-testid=limit-notice]");
    assert(/come back on \d{1,2} [A-Z][a-z]+ \d{4}/.test(text), `limit notice: ${text}`);
    assert(!/QUOTA|T00:00|Z\)/.test(text), `limit notice shows raw values: ${text}`);
    const shot = await check(ctx, "14-limit");
    await page.click("[data-testid=to-plans]");
    await page.waitForSelector("[data-testid=plan]");
    return `${shot}: "${text.replace("See plans", "").trim()}"`;
  } },

  { name: "sign-out-and-in", run: async (ctx) => {
    const { page } = ctx;
    await page.click("[data-testid=sign-out]");
    await page.waitForSelector("[data-testid=submit-auth]");
    await page.fill("input[name=email]", ctx.state.email);
    await page.fill("input[name=password]", PASSWORD);
    await page.click("[data-testid=submit-auth]");
    await page.waitForSelector("[data-testid=auth-message]");
    const wrong = await page.textContent("[data-testid=auth-message]");
    assert(!/auth\/|emulator/i.test(wrong), `sign-in error shows a code: ${wrong}`);
    await page.fill("input[name=password]", NEW_PASSWORD);
    await page.click("[data-testid=submit-auth]");
    await page.waitForSelector("[data-testid=sign-out]");
    await page.click("[data-testid=sign-out]");
    await page.waitForSelector("[data-testid=submit-auth]");
    return `old password refused ("${wrong}"), new one accepted; ${await check(ctx, "15-signed-out")}`;
  } },

  { name: "delete-account", run: async (ctx) => {
    const { page } = ctx;
    await page.fill("input[name=email]", ctx.state.email);
    await page.fill("input[name=password]", NEW_PASSWORD);
    await page.click("[data-testid=submit-auth]");
    await page.waitForSelector("[data-testid=sign-out]");
    await go(page, ctx.base, "#/profile");
    await page.fill("[data-testid=delete-confirm]", "DELETE");
    const shot = await check(ctx, "16-delete-account");
    await page.click("[data-testid=delete-account]");
    await page.waitForSelector("[data-testid=submit-auth]", { timeout: 30000 });
    await page.fill("input[name=email]", ctx.state.email);
    await page.fill("input[name=password]", NEW_PASSWORD);
    await page.click("[data-testid=submit-auth]");
    await page.waitForSelector("[data-testid=auth-message]");
    const message = await page.textContent("[data-testid=auth-message]");
    assert(/No account|Wrong email/.test(message), `sign-in after deleting the account: ${message}`);
    return `${shot}; account gone, signing in again says "${message}"`;
  } },
];
