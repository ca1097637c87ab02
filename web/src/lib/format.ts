// Words and numbers as people read them: sizes in MB/GB, lengths in minutes, statuses and stages in
// plain words. Pure; tested in test/format.test.ts.

/** 6442450944 → "6 GB"; 1536000 → "1.5 MB". */
export function formatBytes(bytes: number | null | undefined): string {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return "–";
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  // GB as people count them (1024³) would say 6 GB for 6442450944; the decimal step says 6.4.
  if (unit >= 3) value = n / 1024 ** unit;
  const digits = value >= 10 || unit === 0 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, "")} ${units[unit]}`;
}

/** 75 → "1:15"; 3725 → "1:02:05". */
export function formatDuration(seconds: number | null | undefined): string {
  const n = Number(seconds);
  if (seconds == null || !Number.isFinite(n) || n < 0) return "–";
  const total = Math.floor(n);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** 1200 → "20 minutes"; 90 → "1.5 minutes"; 45 → "45 seconds". */
export function formatMinutes(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} seconds`;
  const minutes = Math.round((seconds / 60) * 10) / 10;
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

export function toDate(value: unknown): Date | null {
  if (value == null) return null;
  if (value instanceof Date) return value;
  if (typeof value === "object" && value !== null && "toDate" in value && typeof (value as { toDate: unknown }).toDate === "function") {
    return (value as { toDate: () => Date }).toDate();
  }
  if (typeof value === "object" && value !== null && "seconds" in value) return new Date(Number((value as { seconds: number }).seconds) * 1000);
  const d = new Date(value as string);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "1 December 2026". */
export function formatDay(value: unknown): string {
  const d = toDate(value);
  if (!d) return "";
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** "just now", "5 min ago", "3 h ago", else "12 Nov 2026". */
export function formatWhen(value: unknown, now: Date = new Date()): string {
  const date = toDate(value);
  if (!date) return "";
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds >= 0 && seconds < 60) return "just now";
  if (seconds >= 0 && seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds >= 0 && seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** Seconds left → "about 40 s left" / "about 3 min left"; unknown → "". */
export function formatEta(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(Number(seconds)) || seconds < 0) return "";
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** CSS class of a tier as the API names it (scoreTier); the cut-offs and the words are the server's. */
export function tierClass(tier: string | null | undefined): string {
  switch (tier) {
    case "STRONG": return "tier-strong";
    case "GOOD_START": return "tier-good";
    case "NEEDS_WORK": return "tier-work";
    default: return "tier-none";
  }
}

const STATUS_WORDS: Record<string, string> = {
  awaiting_upload: "Waiting for upload",
  queued: "Queued",
  processing: "Analysing",
  completed: "Done",
  failed: "Could not analyse",
};

export function statusLabel(status: string | null | undefined): string {
  return STATUS_WORDS[String(status ?? "").toLowerCase()] ?? "Unknown";
}

const STAGE_WORDS: Record<string, string> = {
  download: "Fetching the video", downloading: "Fetching the video", decode: "Reading audio and frames",
  decoding: "Reading audio and frames", probe: "Checking the file", speech: "Transcribing speech",
  transcribe: "Transcribing speech", voice: "Measuring the voice", vision: "Watching face and gestures",
  rules: "Looking for mismatches", dissonance: "Looking for mismatches", scoring: "Scoring", score: "Scoring",
  report: "Writing the report",
};

export function stageLabel(stage: string | null | undefined): string {
  if (!stage) return "";
  return STAGE_WORDS[String(stage).toLowerCase()] ?? String(stage).replace(/[_-]+/g, " ");
}

/** FLAT_EMPHASIS → "Flat emphasis". */
export function typeLabel(type: string | null | undefined): string {
  const words = String(type ?? "").toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const CONTENT_TYPES: Record<string, string> = {
  mp4: "video/mp4", m4v: "video/x-m4v", mov: "video/quicktime", webm: "video/webm", mkv: "video/x-matroska",
};

/** The content type to reserve for a file: the browser's if it gave one, else from the extension. */
export function contentTypeFor(fileName: string, browserType?: string): string {
  if (browserType) return browserType.split(";")[0];
  const ext = String(fileName ?? "").toLowerCase().split(".").pop() ?? "";
  return CONTENT_TYPES[ext] ?? "application/octet-stream";
}

/** "my_talk-final.mp4" → "my talk final". */
export function titleFromFileName(fileName: string): string {
  const base = String(fileName ?? "").replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ").trim();
  return base || "Untitled talk";
}

const AUTH_ERRORS: Record<string, string> = {
  USER_NOT_FOUND: "No account with that email. Create one?",
  EMAIL_NOT_FOUND: "No account with that email. Create one?",
  WRONG_PASSWORD: "Wrong email or password.",
  INVALID_PASSWORD: "Wrong email or password.",
  INVALID_CREDENTIAL: "Wrong email or password.",
  INVALID_LOGIN_CREDENTIALS: "Wrong email or password.",
  EMAIL_ALREADY_IN_USE: "An account with that email already exists. Sign in instead.",
  EMAIL_EXISTS: "An account with that email already exists. Sign in instead.",
  INVALID_EMAIL: "That email address is not valid.",
  MISSING_PASSWORD: "Enter a password.",
  WEAK_PASSWORD: "Choose a password of at least 6 characters.",
  USER_DISABLED: "This account is disabled.",
  TOO_MANY_REQUESTS: "Too many attempts. Wait a minute and try again.",
  REQUIRES_RECENT_LOGIN: "For your safety, sign in again and then retry.",
  NETWORK_REQUEST_FAILED: "Could not reach the server. Check your connection and try again.",
};

/** A Firebase Auth error code ("auth/wrong-password") → a sentence for the form; never the code. */
export function authErrorMessage(code: string | null | undefined): string {
  const key = String(code ?? "").split(" : ")[0].replace(/^auth\//, "").toUpperCase().replace(/-/g, "_");
  return AUTH_ERRORS[key] ?? "That did not work. Check what you typed and try again.";
}
