// The Coherence web client: sign in, upload, live progress, report, history, plan and usage.
// Plain ES modules, no build step; routes are URL hashes (#/, #/videos/{id}, #/plans).
import { loadConfig } from "./js/config.js";
import { sdkAuth, restAuth } from "./js/auth.js";
import { createApi } from "./js/api.js";
import { putFile, uploadHeaders } from "./js/upload.js";
import { openFirestore, watchVideo } from "./js/live.js";
import { normalizeVideo } from "./js/video.js";
import * as paging from "./js/paging.js";
import {
  formatBytes, formatDuration, formatEta, formatWhen, toDate, statusLabel, stageLabel, tierClass,
  tierOf, flagTypeLabel, contentTypeFor, titleFromFileName,
} from "./js/format.js";
import { metricRows, flagMarkers, heatmapGradient, severityCounts, wordAt, sparklinePoints } from "./js/report.js";

const app = { config: null, auth: null, api: null, firestore: null, list: paging.createPaging(), cleanup: [] };

/** Builds an element; strings become text nodes (never HTML), so titles cannot inject markup. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "style" && typeof value === "object") Object.assign(el.style, value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

const view = () => document.getElementById("view");
function show(...nodes) {
  view().replaceChildren(...nodes);
}

const planName = (plan) => String(plan ?? "").charAt(0).toUpperCase() + String(plan ?? "").slice(1);

function tierBadge(tier, score) {
  const name = tier ?? tierOf(score);
  return h("span", { class: `tier ${tierClass(name)}`, "data-testid": "tier" }, name ?? "–");
}

// ---------------------------------------------------------------- routing

function route() {
  for (const stop of app.cleanup.splice(0)) stop();
  const user = app.auth.user();
  document.getElementById("nav").hidden = !user;
  document.getElementById("who").textContent = user?.email ?? "";
  if (!user) return showSignIn();
  const hash = location.hash || "#/";
  const video = /^#\/videos\/([^/?]+)$/.exec(hash);
  if (video) return showVideo(decodeURIComponent(video[1]));
  if (hash.startsWith("#/plans")) return showPlans();
  return showHome();
}

// ---------------------------------------------------------------- sign in

function showSignIn() {
  const message = h("p", { class: "error", role: "alert", "data-testid": "auth-message" });
  const email = h("input", { type: "email", name: "email", placeholder: "you@example.com", required: true, autocomplete: "email" });
  const password = h("input", { type: "password", name: "password", placeholder: "Password", required: true, minlength: 6, autocomplete: "current-password" });
  const submit = async (create) => {
    message.textContent = "";
    try {
      if (create) await app.auth.signUp(email.value.trim(), password.value);
      else await app.auth.signIn(email.value.trim(), password.value);
      route();
    } catch (e) {
      message.textContent = e.message;
    }
  };
  const form = h("form", { class: "stack", onsubmit: (e) => { e.preventDefault(); submit(false); } },
    email, password,
    h("div", { class: "row" },
      h("button", { type: "submit", "data-testid": "sign-in" }, "Sign in"),
      h("button", { type: "button", class: "secondary", "data-testid": "sign-up", onclick: () => form.reportValidity() && submit(true) }, "Create account")),
    message);
  const mode = app.config.emulators.auth ? h("p", { class: "muted" }, `Local mode: accounts live in the Auth emulator at ${app.config.emulators.auth.url}.`) : null;
  show(h("section", { class: "card" }, h("h2", {}, "Sign in to Coherence"),
    h("p", { class: "muted" }, "Upload a talk and get a coherence score, metrics and the moments where what you say and how you say it disagree."),
    form, mode));
}

// ---------------------------------------------------------------- home: upload + history

function showHome() {
  const usageLine = h("p", { class: "muted", "data-testid": "usage-line" });
  const progress = h("section", { class: "card", hidden: true, "data-testid": "progress-card" });
  show(uploadCard(usageLine), progress, historyCard());
  refreshUsageLine(usageLine);
  fillProgressCard(progress);
}

/** How the user's talks are going (GET /v1/me, kept up to date by the notifier). */
async function fillProgressCard(card) {
  let me;
  try {
    me = await app.api.me();
  } catch {
    return; // the history below still works; the card simply stays hidden
  }
  const stats = me?.stats;
  if (!stats || !stats.analyses) return;
  const svgNs = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", "-2 -2 164 44");
  svg.setAttribute("width", "164");
  svg.setAttribute("height", "44");
  const line = document.createElementNS(svgNs, "polyline");
  line.setAttribute("points", sparklinePoints(stats.trend));
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "currentColor");
  line.setAttribute("stroke-width", "2");
  svg.append(line);
  const listOf = (items, label) => items?.length
    ? h("p", { class: "muted" }, `${label}: `, items.map((i) => `${i.word ? `"${i.word}"` : flagTypeLabel(i.type)} (${i.count})`).join(", "))
    : null;
  card.replaceChildren(
    h("h2", {}, "Your progress"),
    h("div", { class: "row", style: { gap: "2rem" } },
      h("span", {}, `${stats.analyses} ${stats.analyses === 1 ? "talk" : "talks"} analysed`),
      h("span", {}, `average ${stats.averageScore != null ? Math.round(stats.averageScore) : "–"}`),
      h("span", {}, `best ${stats.bestScore ?? "–"}`),
      h("span", {}, `last ${stats.lastScore ?? "–"}`),
      stats.trend?.length > 1 ? h("span", { class: "trend", title: "Last scores, oldest first" }, svg) : null),
    listOf(stats.topFillerWords, "Most frequent fillers"),
    listOf(stats.topFlagTypes, "Most frequent moments to work on"));
  card.hidden = false;
}

async function refreshUsageLine(el) {
  try {
    const u = await app.api.usage();
    const left = u.remaining?.uploadsToday ?? 0;
    el.textContent = `${planName(u.plan)} plan: ${u.used?.analysesThisMonth ?? 0} of ${u.limits?.analysesThisMonth ?? "?"} analyses used this month, ` +
      `${left} ${left === 1 ? "upload" : "uploads"} left today.`;
  } catch (e) {
    el.textContent = `Usage unavailable: ${e.message}`;
  }
}

function uploadCard(usageLine) {
  const file = h("input", { type: "file", accept: "video/*", "data-testid": "file" });
  const title = h("input", { type: "text", placeholder: "Title", maxlength: 200, "data-testid": "title" });
  const fill = h("div", { class: "fill", style: { width: "0%" } });
  const bar = h("div", { class: "bar", hidden: true }, fill);
  const message = h("p", { "data-testid": "upload-message" });
  const button = h("button", { type: "submit", "data-testid": "upload" }, "Upload and analyse");
  file.addEventListener("change", () => {
    if (file.files[0] && !title.value) title.value = titleFromFileName(file.files[0].name);
  });
  const form = h("form", {
    onsubmit: async (e) => {
      e.preventDefault();
      const chosen = file.files[0];
      if (!chosen) {
        message.className = "error";
        message.textContent = "Choose a video file first.";
        return;
      }
      button.disabled = true;
      message.className = "muted";
      message.textContent = "Reserving an upload slot…";
      try {
        const type = contentTypeFor(chosen.name, chosen.type);
        const reservation = await app.api.reserveUpload(title.value.trim(), type, chosen.size);
        bar.hidden = false;
        await putFile(reservation.uploadUrl, chosen, uploadHeaders(reservation, type), (sent, total) => {
          const pct = total ? Math.round((sent / total) * 100) : 0;
          fill.style.width = `${pct}%`;
          message.textContent = `Uploading ${formatBytes(sent)} of ${formatBytes(total)} (${pct}%)`;
        });
        message.className = "success";
        message.textContent = "Uploaded. Analysis starts in a moment…";
        location.hash = `#/videos/${encodeURIComponent(reservation.videoId)}`;
      } catch (err) {
        message.className = "error";
        message.textContent = err.message;
        refreshUsageLine(usageLine);
      } finally {
        button.disabled = false;
      }
    },
  }, h("div", { class: "row" }, file, title, button), bar, message);
  return h("section", { class: "card" }, h("h2", {}, "New analysis"),
    h("p", { class: "muted" }, "MP4, MOV, WebM or MKV, up to 5 GB and 20 minutes."), form, usageLine);
}

function historyCard() {
  const body = h("tbody", { "data-testid": "history" });
  const pageLabel = h("span", { class: "muted" });
  const prev = h("button", { type: "button", class: "secondary", "data-testid": "prev" }, "← Previous");
  const next = h("button", { type: "button", class: "secondary", "data-testid": "next" }, "Next →");
  const message = h("p", { class: "error" });
  const sort = h("select", { "data-testid": "sort" },
    h("option", { value: "createdAt" }, "Date"), h("option", { value: "coherenceScore" }, "Score"), h("option", { value: "title" }, "Title"));
  const order = h("select", { "data-testid": "order" }, h("option", { value: "desc" }, "Descending"), h("option", { value: "asc" }, "Ascending"));
  const status = h("select", { "data-testid": "status-filter" }, h("option", { value: "" }, "Any status"),
    ...["completed", "processing", "queued", "failed", "awaiting_upload"].map((s) => h("option", { value: s }, statusLabel(s))));
  sort.value = app.list.sort;
  order.value = app.list.order;
  status.value = app.list.status;

  const load = async () => {
    message.textContent = "";
    prev.disabled = next.disabled = true;
    try {
      const page = await app.api.list(paging.pageQuery(app.list));
      app.list = paging.loaded(app.list, page.nextCursor);
      body.replaceChildren(...(page.items ?? []).map((item) => historyRow(item, load)));
      if (!page.items?.length) body.append(h("tr", {}, h("td", { colspan: 7, class: "muted" }, app.list.index ? "No more talks." : "No talks yet: upload one above.")));
    } catch (e) {
      message.textContent = e.message;
    }
    prev.disabled = !paging.hasPrevious(app.list);
    next.disabled = !paging.hasNext(app.list);
    pageLabel.textContent = `Page ${paging.pageNumber(app.list)}`;
  };
  const reorder = () => {
    app.list = paging.reorder(app.list, { sort: sort.value, order: order.value, status: status.value });
    load();
  };
  sort.addEventListener("change", reorder);
  order.addEventListener("change", reorder);
  status.addEventListener("change", reorder);
  prev.addEventListener("click", () => { app.list = paging.previous(app.list); load(); });
  next.addEventListener("click", () => { app.list = paging.next(app.list); load(); });
  load();

  return h("section", { class: "card" },
    h("div", { class: "row", style: { justifyContent: "space-between" } }, h("h2", {}, "Your talks"),
      h("div", { class: "row" }, "Sort by", sort, order, status)),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, ""), h("th", {}, "Title"), h("th", {}, "Status"), h("th", {}, "Score"),
      h("th", {}, "Length"), h("th", {}, "Uploaded"), h("th", {}, ""))), body),
    h("div", { class: "row", style: { marginTop: ".8rem" } }, prev, pageLabel, next), message);
}

function historyRow(raw, reload) {
  const v = normalizeVideo(raw, raw.videoId);
  const progress = v.status === "processing" ? ` ${Math.round(v.progress.percent)}%` : "";
  return h("tr", { "data-video-id": v.videoId },
    h("td", {}, v.thumbnailUrl ? h("img", { class: "thumb", src: v.thumbnailUrl, alt: "" }) : h("span", { class: "thumb" })),
    h("td", {}, h("a", { href: `#/videos/${encodeURIComponent(v.videoId)}` }, v.title)),
    h("td", {}, statusLabel(v.status) + progress),
    h("td", { class: "num" }, v.coherenceScore != null ? [`${v.coherenceScore} `, tierBadge(v.scoreTier, v.coherenceScore)] : "–"),
    h("td", { class: "num" }, formatDuration(v.durationSeconds)),
    h("td", {}, formatWhen(v.createdAt)),
    h("td", {}, h("button", {
      type: "button", class: "link", title: "Delete this talk",
      onclick: async () => {
        if (!confirm(`Delete "${v.title}"?`)) return;
        try {
          await app.api.remove(v.videoId);
        } catch (e) {
          alert(e.message);
        }
        app.list = paging.reload(app.list);
        reload();
      },
    }, "Delete")));
}

// ---------------------------------------------------------------- one video: progress, report

function showVideo(videoId) {
  const heading = h("h2", { "data-testid": "video-title" }, "…");
  const status = h("p", { "data-testid": "video-status" });
  const fill = h("div", { class: "fill", style: { width: "0%" } });
  const bar = h("div", { class: "bar" }, fill);
  const detail = h("p", { class: "muted", "data-testid": "video-progress" });
  const live = h("section", { class: "card" }, h("p", {}, h("a", { href: "#/" }, "← All talks")), heading, status, bar, detail);
  const report = h("div", { "data-testid": "report" });
  show(live, report);

  let rendered = false;
  const update = (video, source) => {
    heading.textContent = video.title;
    status.textContent = statusLabel(video.status) + (source === "listener" ? " · live" : "");
    fill.style.width = `${video.status === "completed" ? 100 : video.progress.percent}%`;
    const stage = stageLabel(video.progress.stage);
    detail.textContent = video.status === "processing"
      ? `${stage || "Working"} — ${Math.round(video.progress.percent)}% ${formatEta(video.progress.etaSeconds)}`
      : video.status === "awaiting_upload" ? "Waiting for the file to arrive."
      : video.status === "queued" ? "In the queue; analysis starts shortly." : "";
    if (video.status === "failed") {
      bar.hidden = true;
      detail.className = "error";
      detail.textContent = video.error ? `${video.error.message} (${video.error.code})` : "The analysis failed.";
    }
    if (video.status === "completed" && !rendered) {
      rendered = true;
      bar.hidden = true;
      detail.textContent = "";
      renderReport(videoId, report).catch((e) => report.replaceChildren(h("p", { class: "error" }, e.message)));
    }
  };
  const stop = watchVideo(videoId, { api: app.api, firestore: app.firestore, pollMillis: app.config.pollMillis }, update,
    (e) => { status.className = "error"; status.textContent = e.status === 404 ? "No such talk." : e.message; });
  app.cleanup.push(stop);
}

/** The full result; a status document may say completed a moment before the result is readable. */
async function analysisWhenReady(videoId, attempts = 5) {
  for (let i = 1; ; i++) {
    try {
      return await app.api.analysis(videoId);
    } catch (e) {
      if (e.code !== "ANALYSIS_NOT_READY" || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function renderReport(videoId, target) {
  const [result, playback] = await Promise.all([
    analysisWhenReady(videoId),
    app.api.playback(videoId).catch(() => null),
  ]);
  const duration = result.durationSeconds;
  const counts = severityCounts(result.dissonanceFlags);

  const video = h("video", { controls: true, preload: "metadata", "data-testid": "player" });
  const playbackUrl = playback?.url ?? playback?.playbackUrl;
  if (playbackUrl) video.src = playbackUrl;
  const seek = (seconds) => {
    video.currentTime = Math.max(0, seconds - 1); // a second of lead-in gives context
    video.play().catch(() => {});
  };

  const flagCards = new Map();
  const markers = flagMarkers(result.dissonanceFlags, duration);
  const focus = (flag) => {
    for (const [id, card] of flagCards) card.classList.toggle("active", id === flag.id);
    flagCards.get(flag.id)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    seek(flag.timestamp);
  };
  const playhead = h("div", { class: "playhead", style: { left: "0%" } });
  const timeline = h("div", { class: "timeline", "data-testid": "timeline" },
    h("div", { class: "heat", style: { background: heatmapGradient(result.timelineHeatmap, duration) } }),
    ...markers.map((m) => h("button", {
      type: "button", title: m.label, "aria-label": m.label, "data-testid": "flag-marker",
      // Long stretches lie low and underneath, so the short moments inside them stay clickable.
      "data-time": m.flag.timestamp, style: { left: `${m.left}%`, width: `${m.width}%`, zIndex: String(1000 - Math.round(m.width * 10)) },
      class: `marker ${m.severity}${m.width > 5 ? " span" : ""}`, onclick: () => focus(m.flag),
    })),
    playhead);

  const transcriptWords = [];
  video.addEventListener("timeupdate", () => {
    if (duration > 0) playhead.style.left = `${Math.min(100, (video.currentTime / duration) * 100)}%`;
    const word = wordAt(result.transcript, video.currentTime);
    for (const [w, el] of transcriptWords) el.classList.toggle("now", w === word);
  });

  const flags = markers.map(({ flag, severity }) => {
    const card = h("div", { class: `flag ${severity}`, "data-testid": "flag", onclick: () => focus(flag) },
      h("strong", {}, h("span", { class: "when" }, formatDuration(flag.timestamp)), flagTypeLabel(flag.type), ` · ${severity}`),
      h("p", {}, flag.description),
      flag.coaching ? h("p", {}, h("em", {}, flag.coaching)) : null,
      ...[["Said", flag.verbalEvidence], ["Seen", flag.visualEvidence], ["Heard", flag.vocalEvidence]]
        .filter(([, text]) => text).map(([label, text]) => h("p", { class: "evidence" }, `${label}: ${text}`)));
    flagCards.set(flag.id, card);
    return card;
  });

  const metrics = metricRows(result.metrics).flatMap((row) => [
    h("span", {}, row.label),
    h("div", { class: "bar" },
      row.band ? h("div", { class: "band", style: { left: `${row.band.left}%`, width: `${row.band.width}%` } }) : null,
      h("div", { class: `fill ${row.verdict}`, style: { width: `${row.percent}%` } })),
    h("span", { class: "muted", "data-testid": `metric-${row.key}` }, row.display),
  ]);

  const transcript = h("p", { class: "transcript" }, ...(result.transcript ?? []).flatMap((segment) =>
    (segment.words ?? []).flatMap((w) => {
      const el = h("span", { class: w.filler ? "filler" : null, title: formatDuration(w.start), onclick: () => seek(w.start + 1) }, w.word);
      transcriptWords.push([w, el]);
      return [el, " "];
    })));

  target.replaceChildren(
    h("section", { class: "card summary" },
      h("div", {}, h("div", { class: "score", "data-testid": "score" }, String(result.coherenceScore)), h("div", { class: "muted" }, "coherence score")),
      h("div", {}, tierBadge(result.scoreTier, result.coherenceScore),
        h("p", { class: "muted" }, `${formatDuration(duration)} · ${markers.length} moments flagged ` +
          `(${counts.high} high, ${counts.medium} medium, ${counts.low} low)`))),
    h("section", { class: "card player" }, video, timeline,
      playbackUrl ? null : h("p", { class: "muted" }, "The video cannot be played back right now."),
      h("p", { class: "muted" }, "Click a mark on the timeline or a moment below to watch it.")),
    h("section", { class: "card" }, h("h2", {}, "Delivery"), h("div", { class: "metrics" }, ...metrics)),
    h("section", { class: "card" }, h("h2", {}, "Moments to work on"),
      flags.length ? flags : h("p", { class: "muted" }, "No dissonance found: words, face and voice agreed throughout.")),
    h("section", { class: "card" },
      h("h2", {}, "Strengths"), h("ul", {}, ...(result.strengths ?? []).map((s) => h("li", {}, s))),
      h("h2", {}, "Priorities"), h("ol", {}, ...(result.priorities ?? []).map((s) => h("li", {}, s)))),
    result.transcript?.length ? h("details", { class: "card" }, h("summary", {}, "Transcript (fillers highlighted)"), transcript) : null,
  );
}

// ---------------------------------------------------------------- plans and usage

const PLANS = [
  { id: "free", name: "Free", price: "$0", analyses: 2 },
  { id: "individual", name: "Individual", price: "$19 / month", analyses: 20 },
  { id: "pro", name: "Pro", price: "$49 / month", analyses: 100 },
];

async function showPlans() {
  const message = h("p", { "data-testid": "billing-message" });
  const outcome = new URLSearchParams(location.search).get("billing");
  if (outcome === "success") { message.className = "success"; message.textContent = "Thank you! Your plan changes as soon as Stripe confirms the payment."; }
  if (outcome === "cancelled") { message.className = "muted"; message.textContent = "Checkout cancelled; nothing changed."; }
  const usage = h("div", { "data-testid": "usage" }, h("p", { class: "muted" }, "Loading usage…"));
  const cards = h("div", { class: "plans" });
  show(h("section", { class: "card" }, h("h2", {}, "Usage"), usage), h("section", { class: "card" }, h("h2", {}, "Plans"), cards, message));

  let current = null;
  try {
    const u = await app.api.usage();
    current = u.plan;
    const resets = toDate(u.resetsAt?.month);
    usage.replaceChildren(
      h("p", {}, `Plan: `, h("strong", { "data-testid": "plan" }, planName(u.plan))),
      usageBar("Analyses this month", u.used?.analysesThisMonth, u.limits?.analysesThisMonth),
      usageBar("Uploads today", u.used?.uploadsToday, u.limits?.uploadsToday),
      h("p", { class: "muted" }, resets ? `The monthly allowance resets on ${resets.toISOString().slice(0, 10)} (UTC).` : ""));
  } catch (e) {
    usage.replaceChildren(h("p", { class: "error" }, e.message));
  }

  const act = async (call) => {
    message.className = "muted";
    message.textContent = "Opening Stripe…";
    try {
      const reply = await call();
      location.href = reply.url;
    } catch (e) {
      message.className = "error";
      message.textContent = e.code === "BILLING_NOT_CONFIGURED" ? "Billing is not configured on this server (no Stripe key)." : e.message;
    }
  };
  cards.replaceChildren(...PLANS.map((p) => h("div", { class: `card plan ${p.id === current ? "current" : ""}` },
    h("h3", {}, p.name), h("div", { class: "price" }, p.price), h("p", {}, `${p.analyses} analyses a month, 10 uploads a day`),
    p.id === current ? h("p", { class: "muted" }, "Your plan")
      : p.id === "free" ? null
      : h("button", { type: "button", "data-testid": `checkout-${p.id}`, onclick: () => act(() => app.api.checkout(p.id)) }, `Choose ${p.name}`))));
  if (current && current !== "free") {
    cards.append(h("div", {}, h("button", { type: "button", class: "secondary", onclick: () => act(() => app.api.portal()) }, "Manage subscription")));
  }
}

function usageBar(label, used = 0, limit = 0) {
  const pct = limit > 0 ? Math.min(100, (used / limit) * 100) : 100;
  return h("div", { style: { margin: ".6rem 0" } },
    h("div", { class: "row", style: { justifyContent: "space-between" } }, h("span", {}, label), h("span", { class: "muted" }, `${used} of ${limit}`)),
    h("div", { class: "bar" }, h("div", { class: `fill ${pct >= 100 ? "poor" : pct >= 75 ? "ok" : "good"}`, style: { width: `${pct}%` } })));
}

// ---------------------------------------------------------------- start

async function main() {
  app.config = await loadConfig();
  app.auth = (await sdkAuth(app.config)) ?? restAuth(app.config);
  app.api = createApi({ base: app.config.apiBase, token: app.auth.token });
  app.firestore = await openFirestore(app.auth.app, app.config);
  document.body.dataset.auth = app.auth.kind;
  document.body.dataset.realtime = app.firestore ? "firestore" : "polling";
  document.getElementById("sign-out").addEventListener("click", async () => {
    await app.auth.signOut();
    location.hash = "#/";
    route();
  });
  window.addEventListener("hashchange", route);
  route();
}

main().catch((e) => show(h("p", { class: "error" }, `Coherence could not start: ${e.message}`)));
