// Pure formatting helpers shared by the views (tested in test/format.test.mjs).

/** 75.5 → "1:15"; 3725 → "1:02:05"; missing → "–". */
export function formatDuration(seconds) {
  if (seconds == null || !Number.isFinite(Number(seconds)) || seconds < 0) return "–";
  const total = Math.floor(Number(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** 1536 → "1.5 KB"; 5 GiB → "5.0 GB" (binary units, as the upload limit is stated). */
export function formatBytes(bytes) {
  if (bytes == null || !Number.isFinite(Number(bytes)) || bytes < 0) return "–";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** An ISO string, epoch millis, Date or Firestore Timestamp → Date (or null). */
export function toDate(value) {
  if (value == null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value.toDate === "function") return value.toDate();
  if (typeof value === "object" && "seconds" in value) return new Date(value.seconds * 1000 + Math.floor((value.nanoseconds ?? 0) / 1e6));
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date in the user's words: "just now", "5 min ago", "3 h ago", else the calendar date. */
export function formatWhen(value, now = new Date()) {
  const date = toDate(value);
  if (!date) return "–";
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds >= 0 && seconds < 60) return "just now";
  if (seconds >= 0 && seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds >= 0 && seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return date.toISOString().slice(0, 10);
}

/** Seconds left → "about 40 s" / "about 3 min"; unknown → "". */
export function formatEta(seconds) {
  if (seconds == null || !Number.isFinite(Number(seconds)) || seconds < 0) return "";
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** The tier of a score, as the server computes it (>= 76 Strong, >= 51 Good Start). */
export function tierOf(score) {
  if (score == null) return null;
  if (score >= 76) return "Strong";
  if (score >= 51) return "Good Start";
  return "Needs Work";
}

/** CSS class for a tier name. */
export function tierClass(tier) {
  switch (tier) {
    case "Strong": return "tier-strong";
    case "Good Start": return "tier-good";
    case "Needs Work": return "tier-work";
    default: return "tier-none";
  }
}

const STATUS_WORDS = {
  awaiting_upload: "Waiting for upload",
  queued: "Queued",
  processing: "Analysing",
  completed: "Done",
  failed: "Failed",
};

/** Wire status → words. */
export function statusLabel(status) {
  return STATUS_WORDS[String(status ?? "").toLowerCase()] ?? String(status ?? "unknown");
}

const STAGE_WORDS = {
  download: "Fetching the video",
  downloading: "Fetching the video",
  decode: "Reading audio and frames",
  decoding: "Reading audio and frames",
  probe: "Checking the file",
  speech: "Transcribing speech",
  transcribe: "Transcribing speech",
  voice: "Measuring the voice",
  vision: "Watching face and gestures",
  rules: "Looking for dissonance",
  dissonance: "Looking for dissonance",
  scoring: "Scoring",
  score: "Scoring",
  report: "Writing the report",
};

/** Progress stage → words (unknown stages are shown as they come). */
export function stageLabel(stage) {
  if (!stage) return "";
  return STAGE_WORDS[String(stage).toLowerCase()] ?? String(stage).replace(/[_-]+/g, " ");
}

/** FLAT_EMPHASIS → "Flat emphasis". */
export function flagTypeLabel(type) {
  const words = String(type ?? "").toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const AUTH_ERRORS = {
  EMAIL_NOT_FOUND: "No account with that email. Create one?",
  INVALID_PASSWORD: "Wrong password.",
  INVALID_LOGIN_CREDENTIALS: "Wrong email or password.",
  EMAIL_EXISTS: "An account with that email already exists. Sign in instead.",
  INVALID_EMAIL: "That email address is not valid.",
  MISSING_PASSWORD: "Enter a password.",
  USER_DISABLED: "This account is disabled.",
  TOO_MANY_ATTEMPTS_TRY_LATER: "Too many attempts. Try again later.",
};

/** Identity Toolkit / Firebase Auth error codes → a sentence for the sign-in form. */
export function authErrorMessage(code) {
  // REST codes may carry a detail ("WEAK_PASSWORD : Password should be ..."); SDK codes a prefix.
  const key = String(code ?? "").split(" : ")[0].replace(/^auth\//, "").toUpperCase().replace(/-/g, "_");
  if (key.startsWith("WEAK_PASSWORD")) return "Choose a password of at least 6 characters.";
  if (key === "USER_NOT_FOUND") return AUTH_ERRORS.EMAIL_NOT_FOUND;
  if (key === "WRONG_PASSWORD" || key === "INVALID_CREDENTIAL") return AUTH_ERRORS.INVALID_LOGIN_CREDENTIALS;
  if (key === "EMAIL_ALREADY_IN_USE") return AUTH_ERRORS.EMAIL_EXISTS;
  return AUTH_ERRORS[key] ?? `Sign-in failed (${code}).`;
}

const CONTENT_TYPES = {
  mp4: "video/mp4",
  m4v: "video/x-m4v",
  mov: "video/quicktime",
  webm: "video/webm",
  mkv: "video/x-matroska",
};

/** The content type to reserve for a file: the browser's if it gave one, else from the extension. */
export function contentTypeFor(fileName, browserType) {
  if (browserType) return browserType;
  const ext = String(fileName ?? "").toLowerCase().split(".").pop();
  return CONTENT_TYPES[ext] ?? "application/octet-stream";
}

/** A title from a file name: "my_talk-final.mp4" → "my talk final". */
export function titleFromFileName(fileName) {
  const base = String(fileName ?? "").replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ").trim();
  return base || "Untitled talk";
}

/** The error body {error:{code,message,...}} of an API reply as one readable line. */
export function apiErrorMessage(status, body) {
  const error = body && body.error;
  if (!error) return `The server answered ${status}.`;
  if (error.code === "QUOTA_EXCEEDED" && error.resetsAt) {
    return `${error.message} (resets ${toDate(error.resetsAt)?.toISOString().slice(0, 10) ?? error.resetsAt})`;
  }
  return error.message || `${error.code} (${status})`;
}
