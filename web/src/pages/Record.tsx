import { useEffect, useRef, useState } from "react";
import { UploadStatus } from "../components/UploadStatus";
import { useUpload } from "../components/useUpload";
import { formatBytes } from "../lib/format";
import { MAX_RECORDING_SECONDS, recordingTitle, recordingType, timerText, uploadTypeOf } from "../lib/recording";

type Phase = "off" | "asking" | "ready" | "recording" | "recorded" | "denied";

export function RecordPage() {
  const preview = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const chunks = useRef<Blob[]>([]);
  const [phase, setPhase] = useState<Phase>("off");
  const [seconds, setSeconds] = useState(0);
  const [take, setTake] = useState<{ blob: Blob; url: string } | null>(null);
  const [title, setTitle] = useState(() => recordingTitle(new Date()));
  const upload = useUpload();

  const stopCamera = () => { stream.current?.getTracks().forEach((t) => t.stop()); stream.current = null; };
  useEffect(() => () => { stopCamera(); if (take) URL.revokeObjectURL(take.url); }, []);

  const openCamera = async () => {
    setPhase("asking");
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: true });
      if (preview.current) { preview.current.srcObject = stream.current; preview.current.play().catch(() => {}); }
      setPhase("ready");
    } catch {
      setPhase("denied");
    }
  };

  useEffect(() => {
    if (phase !== "recording") return;
    const started = Date.now();
    const tick = window.setInterval(() => {
      const s = (Date.now() - started) / 1000;
      setSeconds(s);
      if (s >= MAX_RECORDING_SECONDS) recorder.current?.stop();
    }, 250);
    return () => clearInterval(tick);
  }, [phase]);

  const startRecording = () => {
    if (!stream.current) return;
    const type = recordingType((t) => typeof MediaRecorder !== "undefined" && MediaRecorder.isTypeSupported(t));
    const r = new MediaRecorder(stream.current, type ? { mimeType: type } : undefined);
    chunks.current = [];
    r.ondataavailable = (e) => { if (e.data.size) chunks.current.push(e.data); };
    r.onstop = () => {
      const blob = new Blob(chunks.current, { type: r.mimeType || type || "video/webm" });
      setTake({ blob, url: URL.createObjectURL(blob) });
      setPhase("recorded");
    };
    recorder.current = r;
    r.start(1000);
    setSeconds(0);
    setPhase("recording");
  };

  const retake = () => {
    if (take) URL.revokeObjectURL(take.url);
    setTake(null);
    setSeconds(0);
    setPhase("ready");
    if (preview.current && stream.current) { preview.current.srcObject = stream.current; preview.current.play().catch(() => {}); }
  };

  const send = () => {
    if (!take) return;
    stopCamera();
    upload.start(take.blob, title.trim() || recordingTitle(new Date()), uploadTypeOf(take.blob.type));
  };
  const busy = upload.state.phase === "reserving" || upload.state.phase === "uploading";

  return (
    <>
      <h1>Record a talk</h1>
      <section className="card recorder">
        <p className="hint">Face the camera with your head and shoulders in the picture. You can record up to 20 minutes.</p>
        <div className="stage">
          {phase === "recorded" && take
            ? <video key="take" src={take.url} controls playsInline data-testid="take" aria-label="Your recording" />
            : <video key="live" ref={preview} muted playsInline autoPlay data-testid="preview" aria-label="Camera preview" />}
          {phase === "recording" && <span className="rec" data-testid="timer" role="timer">● {timerText(seconds)}</span>}
        </div>
        {phase === "denied" && <p className="error" role="alert">We could not use your camera and microphone. Allow them for this site in your browser's settings, then try again.</p>}
        <div className="row">
          {(phase === "off" || phase === "denied") && <button type="button" onClick={openCamera} data-testid="open-camera">Turn on camera</button>}
          {phase === "asking" && <p className="muted">Waiting for permission…</p>}
          {phase === "ready" && <button type="button" onClick={startRecording} data-testid="start-recording">Start recording</button>}
          {phase === "recording" && <button type="button" onClick={() => recorder.current?.stop()} data-testid="stop-recording">Stop</button>}
          {phase === "recorded" && !busy && upload.state.phase !== "done" && (
            <>
              <button type="button" className="secondary" onClick={retake} data-testid="retake">Record again</button>
            </>
          )}
        </div>
        {phase === "recorded" && take && (
          <form className="stack" onSubmit={(e) => { e.preventDefault(); send(); }}>
            <p className="muted">{timerText(seconds).split(" / ")[0]} recorded · {formatBytes(take.blob.size)}</p>
            <label>Title<input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="record-title" /></label>
            <button type="submit" disabled={busy} data-testid="upload-recording">Upload and analyse</button>
          </form>
        )}
        <UploadStatus state={upload.state} onRetry={upload.retry} />
      </section>
    </>
  );
}
