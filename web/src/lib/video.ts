// One shape for a video's status, whether from GET /v1/videos/{id} or a Firestore snapshot. Pure.
import { toDate } from "./format";
import type { VideoDoc } from "./types";

export interface Video {
  videoId: string;
  title: string;
  status: string;
  percent: number;
  stage: string | null;
  etaSeconds: number | null;
  coherenceScore: number | null;
  scoreTier: string | null;
  scoreTierLabel: string | null;
  durationSeconds: number | null;
  errorCode: string | null;
  thumbnailUrl: string | null;
  createdAt: Date | null;
  deleted: boolean;
}

export function normalizeVideo(doc: Partial<VideoDoc> | Record<string, unknown> | null, videoId: string): Video | null {
  if (!doc) return null;
  const d = doc as VideoDoc;
  const p = d.progress ?? {};
  return {
    videoId: d.videoId ?? videoId,
    title: d.title ?? "Untitled talk",
    status: String(d.status ?? "unknown").toLowerCase(),
    percent: Math.max(0, Math.min(100, Number(p.percent ?? 0))),
    stage: p.stage ?? null,
    etaSeconds: p.etaSeconds ?? null,
    coherenceScore: d.coherenceScore ?? null,
    scoreTier: d.scoreTier ?? null,
    // Documents written before tiers were typed hold the label in scoreTier and no scoreTierLabel.
    scoreTierLabel: d.scoreTierLabel ?? d.scoreTier ?? null,
    durationSeconds: d.durationSeconds ?? null,
    errorCode: d.error?.code ?? null,
    thumbnailUrl: d.thumbnailUrl ?? null,
    createdAt: toDate(d.createdAt),
    deleted: d.deletedAt != null,
  };
}

export const isTerminal = (v: Video | null) => !!v && (v.status === "completed" || v.status === "failed");

/** A listener's update merged into a history card: the list's thumbnail URL stays (it is signed). */
export function mergeLive(card: Video, live: Video | null): Video {
  if (!live) return card;
  return { ...card, ...live, thumbnailUrl: live.thumbnailUrl ?? card.thumbnailUrl, createdAt: card.createdAt ?? live.createdAt };
}

/** What a snapshot of the newest videos asks of the history cards. */
export interface LiveChanges {
  /** Talks to read through the API: new ones (not listed yet), and finished ones still without a thumbnail. */
  fetch: string[];
  /** Cards of talks deleted elsewhere. */
  drop: string[];
}

/**
 * Compares the cards with a snapshot of the newest videos. `asked` holds what was fetched before (a
 * talk is fetched once as new and once when it finishes), `hidden` a card deleted here and waiting
 * for its undo, which must not come back. With `olderPages` not loaded yet, a talk older than the
 * last card is theirs to show, not new.
 */
export function liveChanges(cards: Video[], live: Video[], asked: ReadonlySet<string>, hidden: string | null,
  olderPages = false): LiveChanges {
  const shown = new Map(cards.map((c) => [c.videoId, c]));
  const oldest = Math.min(...cards.map((c) => c.createdAt?.getTime() ?? Infinity));
  const isNew = (v: Video) => !olderPages || (v.createdAt?.getTime() ?? Infinity) > oldest;
  const fetch: string[] = [];
  const drop: string[] = [];
  for (const v of live) {
    const card = shown.get(v.videoId);
    if (v.deleted) {
      if (card) drop.push(v.videoId);
    } else if (!card) {
      if (v.videoId !== hidden && !asked.has(newKey(v.videoId)) && isNew(v)) fetch.push(v.videoId);
    } else if (v.status === "completed" && !card.thumbnailUrl && !asked.has(doneKey(v.videoId))) {
      fetch.push(v.videoId);
    }
  }
  return { fetch, drop };
}

/** Keys of `asked` in {@link liveChanges}. */
export const newKey = (videoId: string) => `new:${videoId}`;
export const doneKey = (videoId: string) => `done:${videoId}`;

/** Puts a card in the list, replacing the one of the same talk, newest first. */
export function upsertCard(cards: Video[], video: Video): Video[] {
  const rest = cards.filter((c) => c.videoId !== video.videoId);
  return [...rest, video].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
}
