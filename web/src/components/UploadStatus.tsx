import type { UploadState } from "./useUpload";
import { LimitNotice } from "./LimitNotice";

/** Progress bar, message, retry and the quota notice of an upload. */
export function UploadStatus({ state, onRetry }: { state: UploadState; onRetry: () => void }) {
  if (state.phase === "idle") return null;
  if (state.limit) return <LimitNotice error={state.limit} />;
  return (
    <div className="upload-status" data-testid="upload-status">
      {state.phase === "uploading" && (
        <div className="bar" role="progressbar" aria-label="Upload progress" aria-valuenow={state.percent} aria-valuemin={0} aria-valuemax={100}>
          <div className="fill" style={{ width: `${state.percent}%` }} />
        </div>
      )}
      <p className={state.phase === "failed" ? "error" : "muted"} role={state.phase === "failed" ? "alert" : "status"} data-testid="upload-message">
        {state.message} {state.phase === "uploading" && `${state.percent}%`}
      </p>
      {state.phase === "failed" && state.canRetry && <button type="button" onClick={onRetry}>Try again</button>}
    </div>
  );
}
