// The Coherence HTTP API (same origin as the page), with the user's ID token.
import { apiErrorMessage } from "./format.js";

/** An API error reply: HTTP status, error code and a readable message. */
export class ApiError extends Error {
  constructor(status, body) {
    super(apiErrorMessage(status, body));
    this.status = status;
    this.code = body?.error?.code ?? null;
    this.body = body;
  }
}

export function createApi({ base = "", token, fetchFn = (...a) => fetch(...a) }) {
  async function call(method, path, body) {
    const headers = { Accept: "application/json" };
    const idToken = await token();
    if (idToken) headers.Authorization = `Bearer ${idToken}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const reply = await fetchFn(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await reply.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!reply.ok) throw new ApiError(reply.status, json);
    return json;
  }
  const id = (videoId) => encodeURIComponent(videoId);
  return {
    reserveUpload: (title, contentType, sizeBytes) => call("POST", "/v1/uploads", { title, contentType, sizeBytes }),
    video: (videoId) => call("GET", `/v1/videos/${id(videoId)}`),
    analysis: (videoId) => call("GET", `/v1/videos/${id(videoId)}/analysis`),
    playback: (videoId) => call("GET", `/v1/videos/${id(videoId)}/playback`),
    list: (query) => call("GET", `/v1/videos?${query}`),
    remove: (videoId) => call("DELETE", `/v1/videos/${id(videoId)}`),
    rename: (videoId, title) => call("PATCH", `/v1/videos/${id(videoId)}`, { title }),
    usage: () => call("GET", "/v1/usage"),
    me: () => call("GET", "/v1/me"),
    checkout: (plan) => call("POST", "/v1/billing/checkout", { plan }),
    portal: () => call("POST", "/v1/billing/portal", {}),
  };
}
