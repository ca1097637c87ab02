import { useRef, useState } from "react";
import { useApp } from "../context";
import { ApiError } from "../lib/errors";
import { formatBytes } from "../lib/format";
import { resumableUpload, uploadHeaders, uploadWithRetry } from "../lib/upload";

export interface UploadState {
  phase: "idle" | "reserving" | "uploading" | "done" | "failed";
  percent: number;
  message: string;
  /** The quota error when the limit is reached (the page shows the plans button). */
  limit: ApiError | null;
  canRetry: boolean;
}

const idle: UploadState = { phase: "idle", percent: 0, message: "", limit: null, canRetry: false };

/** Reserve a slot, PUT the file with progress and retries, then open the talk's page. */
export function useUpload() {
  const { api } = useApp();
  const [state, setState] = useState<UploadState>(idle);
  const last = useRef<{ file: Blob; title: string; type: string } | null>(null);

  const start = async (file: Blob, title: string, type: string) => {
    last.current = { file, title, type };
    setState({ ...idle, phase: "reserving", message: "Getting ready…" });
    let reservation;
    try {
      reservation = await api.reserveUpload(title, type, file.size);
    } catch (e) {
      const err = e as ApiError;
      setState({ ...idle, phase: "failed", message: err.message, limit: err.code === "QUOTA_EXCEEDED" ? err : null, canRetry: err.retryable });
      return;
    }
    setState({ ...idle, phase: "uploading", message: "Uploading…" });
    try {
      const progress = (sent: number, total: number) => {
        const percent = total ? Math.round((sent / total) * 100) : 0;
        setState((s) => ({ ...s, percent, message: `Uploading ${formatBytes(sent)} of ${formatBytes(total)}` }));
      };
      const retrying = (_retry: number, wait: number) =>
        setState((s) => ({ ...s, message: `The connection dropped. Going on from where it stopped in ${Math.round(wait / 1000)} s…` }));
      if (reservation.resumableUrl) {
        await resumableUpload(reservation.resumableUrl, reservation.resumableHeaders ?? {}, file, progress, retrying);
      } else {
        await uploadWithRetry(reservation.uploadUrl, file, uploadHeaders(reservation, type), progress,
          (_retry, wait) => setState((s) => ({ ...s, message: `The connection dropped. Trying again in ${Math.round(wait / 1000)} s…` })));
      }
      setState({ ...idle, phase: "done", percent: 100, message: "Uploaded. The analysis starts in a moment." });
      location.hash = `#/videos/${encodeURIComponent(reservation.videoId)}`;
    } catch (e) {
      // The reservation holds a slot until its link expires; deleting it gives the slot back.
      api.remove(reservation.videoId).catch(() => {});
      setState({ ...idle, phase: "failed", message: `${(e as Error).message} Your file was not sent.`, canRetry: true });
    }
  };

  const retry = () => { if (last.current) start(last.current.file, last.current.title, last.current.type); };
  return { state, start, retry };
}
