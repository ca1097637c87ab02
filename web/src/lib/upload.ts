// Uploads that survive a phone on the move. Where the reservation offers a resumable session (Cloud
// Storage's resumable uploads in GCP, the local blob endpoint's stand-in), the file goes in chunks
// with Content-Range; after a drop the client waits, asks the session how much arrived and sends the
// rest from there. Otherwise the whole file is PUT to the signed URL, and a retry starts over.

export interface RetryPlan {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Delay before retry n (1-based), in ms. */
  delay: (retry: number) => number;
}

/** Three retries after 1 s, 3 s and 9 s: enough for a tunnel or a lift, not so long people give up. */
export const DEFAULT_RETRY: RetryPlan = { attempts: 4, delay: (n) => 1000 * 3 ** (n - 1) };

export class UploadError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly status: number) {
    super(message);
  }
}

/** Whether a failed PUT is worth sending again: network drops and server trouble, not refusals. */
export const isRetryable = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

export function uploadHeaders(reservation: { uploadHeaders?: Record<string, string> }, contentType: string): Record<string, string> {
  const headers = { ...(reservation.uploadHeaders ?? {}) };
  if (!Object.keys(headers).some((n) => n.toLowerCase() === "content-type")) headers["Content-Type"] = contentType;
  return headers;
}

export type Put = (url: string, file: Blob, headers: Record<string, string>, onProgress: (sent: number, total: number) => void) => Promise<void>;

/** One PUT through XMLHttpRequest (fetch cannot report upload progress). */
export const xhrPut: Put = (url, file, headers, onProgress) => new Promise((resolve, reject) => {
  const xhr = new XMLHttpRequest();
  xhr.open("PUT", url);
  for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
  xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); };
  xhr.onload = () => {
    if (xhr.status >= 200 && xhr.status < 300) {
      onProgress(file.size, file.size);
      resolve();
      return;
    }
    const message = xhr.status === 403
      ? "The upload link expired. Start the upload again."
      : xhr.status === 413 ? "The file changed size while uploading. Choose it again." : "The upload did not go through.";
    reject(new UploadError(message, isRetryable(xhr.status), xhr.status));
  };
  xhr.onerror = () => reject(new UploadError("The connection dropped during the upload.", true, 0));
  xhr.ontimeout = xhr.onerror;
  xhr.send(file);
});

/** Uploads with retries; onRetry tells the page a retry is coming (attempt number, wait in ms). */
export async function uploadWithRetry(url: string, file: Blob, headers: Record<string, string>,
  onProgress: (sent: number, total: number) => void, onRetry: (retry: number, waitMs: number) => void = () => {},
  { put = xhrPut, plan = DEFAULT_RETRY, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) } = {}): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await put(url, file, headers, onProgress);
      return;
    } catch (e) {
      const retryable = e instanceof UploadError ? e.retryable : true;
      if (!retryable || attempt >= plan.attempts) throw e;
      const wait = plan.delay(attempt);
      onRetry(attempt, wait);
      onProgress(0, file.size);
      await sleep(wait);
    }
  }
}

/** Cloud Storage takes chunks in multiples of 256 KiB (all but the last). */
export const CHUNK_UNIT = 256 * 1024;
/** Largest chunk: Cloud Storage's recommended size; a drop costs at most this much to send again. */
export const MAX_CHUNK = 8 * 1024 * 1024;

/** About eight chunks per file, 256 KiB to 8 MiB each: progress moves often and a drop loses little. */
export function chunkSize(total: number): number {
  const target = Math.ceil(total / 8 / CHUNK_UNIT) * CHUNK_UNIT;
  return Math.min(MAX_CHUNK, Math.max(CHUNK_UNIT, target));
}

/**
 * Consecutive failures a session upload rides out, waiting 1, 2, 4, 8, 16 s: about half a minute of
 * dead network (a lift, a tunnel). Any chunk that gets through starts the count again.
 */
export const SESSION_RETRY: RetryPlan = { attempts: 6, delay: (n) => 1000 * Math.min(16, 2 ** (n - 1)) };

/** The next byte a session wants, from its Range answer ("bytes=0-LAST"; none means nothing arrived yet). */
export function resumeOffset(range: string | null | undefined): number {
  const m = /^bytes=0-(\d+)$/.exec((range ?? "").trim());
  return m ? Number(m[1]) + 1 : 0;
}

/** A session's answer: 200/201 stored, 308 more wanted (with the Range it has). */
export interface SessionReply { status: number; range: string | null }

export interface SessionTransport {
  /** POSTs the signed URL with its headers; the session URL (Location). */
  open(url: string, headers: Record<string, string>): Promise<string>;
  /** PUTs one chunk with its Content-Range. */
  send(session: string, chunk: Blob, first: number, total: number, onProgress: (sent: number) => void): Promise<SessionReply>;
  /** Asks how much arrived (Content-Range: bytes *\/TOTAL). */
  query(session: string, total: number): Promise<SessionReply>;
}

// 409: the session is still ending the request that broke off (the server cuts a silent one within
// its rate window, ~30 s, which the backoff outlasts), so it is worth asking again.
const failed = (status: number) => new UploadError(status === 403 || status === 404 || status === 410
  ? "The upload link expired. Start the upload again." : "The upload did not go through.", isRetryable(status) || status === 409, status);

function xhr(method: string, url: string, headers: Record<string, string>, body: Blob | null,
  onProgress: (sent: number) => void = () => {}): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.onprogress = (e) => onProgress(e.loaded);
    request.onload = () => resolve(request);
    request.onerror = () => reject(new UploadError("The connection dropped during the upload.", true, 0));
    request.ontimeout = request.onerror;
    request.send(body);
  });
}

const reply = (r: XMLHttpRequest): SessionReply => {
  if (r.status === 200 || r.status === 201 || r.status === 308) return { status: r.status, range: r.getResponseHeader("Range") };
  throw failed(r.status);
};

/** The session protocol over XMLHttpRequest (fetch cannot report upload progress). */
export const xhrSession: SessionTransport = {
  open: async (url, headers) => {
    const r = await xhr("POST", url, headers, null);
    const location = r.getResponseHeader("Location");
    if ((r.status !== 200 && r.status !== 201) || !location) throw failed(r.status);
    return location;
  },
  send: async (session, chunk, first, total, onProgress) =>
    reply(await xhr("PUT", session, { "Content-Range": `bytes ${first}-${first + chunk.size - 1}/${total}` }, chunk, onProgress)),
  query: async (session, total) => reply(await xhr("PUT", session, { "Content-Range": `bytes */${total}` }, null)),
};

/**
 * Uploads through a resumable session: chunk after chunk; after a failure, waits (onRetry tells the
 * page), asks the session how much arrived and goes on from there. Gives up after
 * {@link SESSION_RETRY}'s attempts without progress, or at once on a refusal (expired link).
 */
export async function resumableUpload(startUrl: string, startHeaders: Record<string, string>, file: Blob,
  onProgress: (sent: number, total: number) => void, onRetry: (retry: number, waitMs: number) => void = () => {},
  { transport = xhrSession, plan = SESSION_RETRY, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) } = {}): Promise<void> {
  const total = file.size;
  const size = chunkSize(total);
  let session: string | null = null;
  let offset = 0;
  let failures = 0;
  let ask = false; // after a failure: where to resume is the session's to say
  for (;;) {
    try {
      if (session === null) {
        session = await transport.open(startUrl, startHeaders);
      } else if (ask) {
        const status = await transport.query(session, total);
        ask = false;
        if (status.status !== 308) break;
        offset = resumeOffset(status.range);
      } else {
        const from = offset;
        const chunk = file.slice(from, Math.min(total, from + size));
        const answer = await transport.send(session, chunk, from, total, (sent) => onProgress(from + sent, total));
        if (answer.status !== 308) break;
        offset = resumeOffset(answer.range);
        if (offset > from) failures = 0;
        else if (++failures >= plan.attempts) throw new UploadError("The upload did not go through.", false, 308);
      }
      onProgress(offset, total);
    } catch (e) {
      const retryable = e instanceof UploadError ? e.retryable : true;
      failures++;
      if (!retryable || failures >= plan.attempts) throw e;
      const wait = plan.delay(failures);
      onRetry(failures, wait);
      await sleep(wait);
      ask = session !== null;
    }
  }
  onProgress(total, total);
}
