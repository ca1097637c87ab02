import { useState, type FormEvent } from "react";
import { contentTypeFor, titleFromFileName, formatBytes } from "../lib/format";
import { useUpload } from "./useUpload";
import { UploadStatus } from "./UploadStatus";

/** 5 GB: the server's limit (UploadRules), said before the upload rather than after it. */
const MAX_BYTES = 5 * 1024 ** 3;

export function FilePicker() {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [problem, setProblem] = useState("");
  const upload = useUpload();
  const busy = upload.state.phase === "reserving" || upload.state.phase === "uploading";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem("");
    if (!file) return setProblem("Choose a video first.");
    if (file.size > MAX_BYTES) return setProblem(`This file is ${formatBytes(file.size)}; videos can be up to ${formatBytes(MAX_BYTES)}.`);
    upload.start(file, title.trim() || titleFromFileName(file.name), contentTypeFor(file.name, file.type));
  };

  return (
    <form className="stack" onSubmit={submit}>
      <label>Video file (MP4, MOV, WebM or MKV, up to 5 GB and 20 minutes)
        <input type="file" accept="video/*" data-testid="file" onChange={(e) => {
          const f = e.target.files?.[0] ?? null;
          setFile(f);
          if (f && !title) setTitle(titleFromFileName(f.name));
        }} />
      </label>
      <label>Title<input type="text" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="title" /></label>
      <button type="submit" disabled={busy} data-testid="upload">Upload and analyse</button>
      {problem && <p className="error" role="alert">{problem}</p>}
      <UploadStatus state={upload.state} onRetry={upload.retry} />
    </form>
  );
}
