// PUT of a file to the signed upload URL with progress, retried with backoff when the network drops
// (a phone on the move). The local blob endpoint and Cloud Storage's signed PUT take the whole file,
// so a retry sends it again from the start.

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
