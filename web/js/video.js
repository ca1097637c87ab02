// One shape for a video's status, whether it comes from GET /v1/videos/{id} or from a Firestore
// snapshot of videos/{id} (timestamps differ, status casing may differ). Pure; tested.
import { toDate } from "./format.js";

export const TERMINAL = new Set(["completed", "failed"]);

export function normalizeVideo(doc, videoId) {
  if (!doc) return null;
  const progress = doc.progress ?? {};
  return {
    videoId: doc.videoId ?? videoId,
    title: doc.title ?? "Untitled talk",
    status: String(doc.status ?? "unknown").toLowerCase(),
    progress: {
      stage: progress.stage ?? null,
      percent: Math.max(0, Math.min(100, Number(progress.percent ?? 0))),
      etaSeconds: progress.etaSeconds ?? null,
    },
    coherenceScore: doc.coherenceScore ?? null,
    scoreTier: doc.scoreTier ?? null,
    durationSeconds: doc.durationSeconds ?? null,
    error: doc.error ?? null,
    thumbnailUrl: doc.thumbnailUrl ?? null,
    createdAt: toDate(doc.createdAt),
    deleted: doc.deletedAt != null,
  };
}

export function isTerminal(video) {
  return Boolean(video) && TERMINAL.has(video.status);
}
