// API errors ({error:{code,message,...}}) as sentences for people: sizes in MB/GB, dates in words,
// no codes on screen. Pure; tested in test/errors.test.ts.
import { formatBytes, formatDay } from "./format";

export interface ErrorBody {
  error?: { code?: string; message?: string; limit?: number; used?: number; resetsAt?: string; window?: string; [k: string]: unknown };
}

/** An API error reply: HTTP status, code (for the program) and a sentence (for the person). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | null;
  readonly body: ErrorBody | null;
  /** Whether trying again later may help (network, server busy). */
  readonly retryable: boolean;

  constructor(status: number, body: ErrorBody | null) {
    super(messageFor(status, body));
    this.status = status;
    this.code = body?.error?.code ?? null;
    this.body = body;
    this.retryable = status === 0 || status >= 500 || status === 408;
  }
}

const MEDIA: Record<string, string> = {
  INVALID_MEDIA: "This file could not be read as a video. Try exporting it again as MP4 or WebM.",
  NO_AUDIO_TRACK: "This video has no sound, so there is nothing to coach. Record it with the microphone on.",
  NO_SPEECH: "We could not hear anyone speaking in this video. Check the microphone and try again.",
  TOO_LONG: "This talk is longer than 20 minutes. Trim it and upload it again.",
  TOO_SHORT: "This talk is too short to coach. Record at least 10 seconds of speaking.",
};

/** The sentence shown for a failed analysis (video.error.code). */
export function failureMessage(code: string | null | undefined): string {
  return (code && MEDIA[code]) || "Something went wrong on our side while analysing this talk. Your monthly allowance was not used.";
}

export function messageFor(status: number, body: ErrorBody | null): string {
  const e = body?.error;
  const code = e?.code ?? "";
  if (status === 0) return "Could not reach Coherence. Check your connection and try again.";
  switch (code) {
    case "QUOTA_EXCEEDED":
      return e?.window === "day"
        ? `You have uploaded ${e?.limit ?? "the most"} talks today, the daily limit. You can upload again on ${formatDay(e?.resetsAt)}.`
        : `You have used all ${e?.limit ?? ""} analyses of your plan this month. They come back on ${formatDay(e?.resetsAt)}, or choose a bigger plan now.`.replace("all  ", "all ");
    case "PAYLOAD_TOO_LARGE":
      return `This file is too big. Videos can be up to ${formatBytes(Number(e?.limit ?? 5 * 1024 ** 3))}.`;
    case "UNSUPPORTED_MEDIA_TYPE":
      return "This is not a video file we can read. Use MP4, MOV, WebM or MKV.";
    case "UNAUTHENTICATED":
      return "Your session has ended. Sign in again.";
    case "NOT_FOUND":
      return "This talk does not exist or was deleted.";
    case "UPLOAD_URL_EXPIRED":
      return "The upload took too long and its link expired. Start the upload again.";
    case "BILLING_NOT_CONFIGURED":
      return "Payments are not available on this server yet.";
    case "ANALYSIS_NOT_READY":
      return "The report is not ready yet.";
    default:
      if (MEDIA[code]) return MEDIA[code];
      if (status === 400) return "Something in the request was not right. Check what you entered and try again.";
      if (status >= 500) return "Coherence is having trouble right now. Try again in a minute.";
      return "That did not work. Try again.";
  }
}
