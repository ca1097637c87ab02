// The Coherence HTTP API (same origin as the page), called with the user's ID token.
import { ApiError, type ErrorBody } from "./errors";
import type { AnalysisResult, Profile, Usage, VideoDoc, VideoPage } from "./types";

export interface Reservation {
  videoId: string;
  uploadUrl: string;
  expiresAt?: string;
  uploadHeaders?: Record<string, string>;
  /** Where the store has resumable sessions: POST here with resumableHeaders to open one. */
  resumableUrl?: string | null;
  resumableHeaders?: Record<string, string>;
}

export type Api = ReturnType<typeof createApi>;

export function createApi(base: string, token: () => Promise<string | null>, fetchFn: typeof fetch = (...a) => fetch(...a)) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    const idToken = await token();
    if (idToken) headers.Authorization = `Bearer ${idToken}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let reply: Response;
    try {
      reply = await fetchFn(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, null);
    }
    const text = await reply.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!reply.ok) throw new ApiError(reply.status, json as ErrorBody);
    return json as T;
  }
  const id = encodeURIComponent;
  return {
    reserveUpload: (title: string, contentType: string, sizeBytes: number) =>
      call<Reservation>("POST", "/v1/uploads", { title, contentType, sizeBytes }),
    video: (videoId: string) => call<VideoDoc>("GET", `/v1/videos/${id(videoId)}`),
    analysis: (videoId: string) => call<AnalysisResult>("GET", `/v1/videos/${id(videoId)}/analysis`),
    playback: (videoId: string) => call<{ url?: string; playbackUrl?: string }>("GET", `/v1/videos/${id(videoId)}/playback`),
    list: (query: string) => call<VideoPage>("GET", `/v1/videos?${query}`),
    remove: (videoId: string) => call<unknown>("DELETE", `/v1/videos/${id(videoId)}`),
    rename: (videoId: string, title: string) => call<unknown>("PATCH", `/v1/videos/${id(videoId)}`, { title }),
    usage: () => call<Usage>("GET", "/v1/usage"),
    me: () => call<Profile>("GET", "/v1/me"),
    setDisplayName: (displayName: string) => call<Profile>("PATCH", "/v1/me", { displayName }),
    deleteAccount: () => call<unknown>("DELETE", "/v1/me"),
    checkout: (plan: string) => call<{ url: string }>("POST", "/v1/billing/checkout", { plan }),
    portal: () => call<{ url: string }>("POST", "/v1/billing/portal", {}),
  };
}
