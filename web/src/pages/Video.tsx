import { useEffect, useState } from "react";
import { useApp } from "../context";
import { Report } from "../components/Report";
import { failureMessage } from "../lib/errors";
import { watchDoc } from "../lib/firebase";
import { formatEta, stageLabel, statusLabel } from "../lib/format";
import type { AnalysisResult } from "../lib/types";
import { isTerminal, normalizeVideo, type Video } from "../lib/video";

export function VideoPage({ videoId, onTitle }: { videoId: string; onTitle: (t: string | undefined) => void }) {
  const { api, session } = useApp();
  const [video, setVideo] = useState<Video | null>(null);
  const [missing, setMissing] = useState(false);
  const [report, setReport] = useState<{ result: AnalysisResult; url: string | null; previous: AnalysisResult | null } | null>(null);
  const [reportError, setReportError] = useState("");

  // Live status: a Firestore listener on videos/{id}; polling the API if the listener is refused.
  useEffect(() => {
    let stopped = false;
    let timer = 0;
    const poll = async () => {
      try {
        const v = normalizeVideo(await api.video(videoId), videoId);
        if (!stopped) setVideo(v);
        if (isTerminal(v)) return;
      } catch (e) {
        if ((e as { status?: number }).status === 404) { setMissing(true); return; }
      }
      if (!stopped) timer = window.setTimeout(poll, 2000);
    };
    const unsubscribe = watchDoc(session, videoId, (doc) => {
      if (doc) setVideo(normalizeVideo(doc, videoId));
      else setMissing(true);
    }, () => poll());
    return () => { stopped = true; clearTimeout(timer); unsubscribe(); onTitle(undefined); };
  }, [videoId]);

  useEffect(() => { if (video) onTitle(video.title); }, [video?.title]);

  const completed = video?.status === "completed";
  useEffect(() => {
    if (!completed || report) return;
    (async () => {
      try {
        let result: AnalysisResult | null = null;
        // The status may say completed a moment before the result can be read.
        for (let i = 0; i < 6 && !result; i++) {
          try { result = await api.analysis(videoId); } catch (e) {
            if ((e as { code?: string }).code !== "ANALYSIS_NOT_READY") throw e;
            await new Promise((r) => setTimeout(r, 1000));
          }
        }
        if (!result) throw new Error("The report is not ready yet. Reload the page in a moment.");
        const [playback, previous] = await Promise.all([
          api.playback(videoId).catch(() => null),
          previousResult(videoId).catch(() => null),
        ]);
        setReport({ result, url: playback?.url ?? playback?.playbackUrl ?? null, previous });
      } catch (e) {
        setReportError((e as Error).message);
      }
    })();
  }, [completed]);

  async function previousResult(id: string): Promise<AnalysisResult | null> {
    const page = await api.list(new URLSearchParams({ limit: "20", sort: "createdAt", order: "desc", status: "completed" }).toString());
    const at = page.items.findIndex((i) => i.videoId === id);
    const before = at >= 0 ? page.items[at + 1] : undefined;
    return before ? api.analysis(before.videoId) : null;
  }

  if (missing) return <section className="card"><h1>Talk not found</h1><p>This talk does not exist or was deleted.</p><p><a className="tap" href="#/">All talks</a></p></section>;
  return (
    <>
      <p><a className="tap" href="#/">← All talks</a></p>
      <h1 data-testid="video-title">{video?.title ?? "Loading…"}</h1>
      {video && !completed && (
        <section className="card" aria-live="polite" data-testid="progress-card">
          <p data-testid="video-status" data-status={video.status}>{statusLabel(video.status)}</p>
          {video.status !== "failed" && (
            <div className="bar" role="progressbar" aria-label="Analysis progress" aria-valuenow={Math.round(video.percent)} aria-valuemin={0} aria-valuemax={100}>
              <div className="fill" style={{ width: `${video.percent}%` }} />
            </div>
          )}
          <p className={video.status === "failed" ? "error" : "muted"} data-testid="video-progress">
            {video.status === "processing" && `${stageLabel(video.stage) || "Working"} · ${Math.round(video.percent)}% ${formatEta(video.etaSeconds)}`}
            {video.status === "queued" && "In the queue; the analysis starts shortly."}
            {video.status === "awaiting_upload" && "Waiting for the file to arrive."}
            {video.status === "failed" && failureMessage(video.errorCode)}
          </p>
          {video.status === "failed" && <p><a className="button" href="#/record">Record again</a></p>}
        </section>
      )}
      {completed && !report && !reportError && <p className="muted">Loading the report…</p>}
      {reportError && <p className="error" role="alert">{reportError}</p>}
      {report && <Report result={report.result} videoUrl={report.url} previous={report.previous} />}
    </>
  );
}
