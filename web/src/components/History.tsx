import { useEffect, useRef, useState } from "react";
import { useApp } from "../context";
import { watchDoc, watchNewest } from "../lib/firebase";
import { formatDuration, formatWhen, statusLabel, tierClass } from "../lib/format";
import { doneKey, isTerminal, liveChanges, mergeLive, newKey, normalizeVideo, upsertCard, type Video } from "../lib/video";

const PAGE = 12;
/** How long a deleted talk can be brought back before the delete is sent. */
const UNDO_MS = 6000;

/** The tier as a coloured pill: its colour from the tier's name, its words from the server's label. */
export function TierPill({ tier, label }: { tier: string | null; label?: string | null }) {
  return <span className={`tier ${tierClass(tier)}`} data-testid="tier">{label ?? tier ?? "–"}</span>;
}

export function History() {
  const { api, session, user } = useApp();
  const [items, setItems] = useState<Video[]>([]);
  // The first page, live: new uploads appear, status moves, talks deleted elsewhere go (a Firestore listener).
  const [live, setLive] = useState<Map<string, Video>>(new Map());
  const asked = useRef(new Set<string>());
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState("");
  const [pending, setPending] = useState<{ video: Video; timer: number } | null>(null);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  const load = async (after: string | null) => {
    setLoading(true);
    setError("");
    try {
      const q = new URLSearchParams({ limit: String(PAGE), sort: "createdAt", order: "desc" });
      if (after) q.set("cursor", after);
      const page = await api.list(q.toString());
      const videos = page.items.map((i) => normalizeVideo(i, i.videoId)!).filter(Boolean);
      setItems((old) => (after ? [...old, ...videos] : videos));
      setCursor(page.nextCursor ?? null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => { load(null); }, []);
  useEffect(() => {
    if (!user) return;
    return watchNewest(session, user.uid, PAGE, (docs) => {
      setLive(new Map(docs.map((d) => [d.id, normalizeVideo(d.data, d.id)!])));
    }, () => {});
  }, [user?.uid]);
  useEffect(() => {
    if (loading) return;
    const { fetch, drop } = liveChanges(items, [...live.values()], asked.current, pending?.video.videoId ?? null, cursor != null);
    if (drop.length) setItems((old) => old.filter((v) => !drop.includes(v.videoId)));
    for (const id of fetch) {
      asked.current.add(items.some((v) => v.videoId === id) ? doneKey(id) : newKey(id));
      // Through the API, for the signed thumbnail URL the document does not hold.
      api.video(id).then((doc) => {
        const v = normalizeVideo(doc, id);
        if (v && !v.deleted) setItems((old) => upsertCard(old, v));
      }).catch(() => {});
    }
  }, [live, loading]);
  // Leaving the page sends a delete still waiting for its undo.
  useEffect(() => () => { const p = pendingRef.current; if (p) { clearTimeout(p.timer); api.remove(p.video.videoId).catch(() => {}); } }, []);

  const remove = (video: Video) => {
    if (pending) { clearTimeout(pending.timer); api.remove(pending.video.videoId).catch(() => {}); }
    setItems((old) => old.filter((v) => v.videoId !== video.videoId));
    asked.current.add(newKey(video.videoId)); // the listener must not bring it back before the delete lands
    const timer = window.setTimeout(() => {
      api.remove(video.videoId).catch((e) => setError((e as Error).message));
      setPending(null);
    }, UNDO_MS);
    setPending({ video, timer });
  };
  const undo = () => {
    if (!pending) return;
    clearTimeout(pending.timer);
    setItems((old) => [...old, pending.video].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0)));
    setPending(null);
  };

  return (
    <section className="card" aria-labelledby="history-h">
      <h2 id="history-h">Your talks</h2>
      {error && <p className="error" role="alert">{error} <button type="button" className="link" onClick={() => load(null)}>Try again</button></p>}
      {!loading && items.length === 0 && !error && <p className="muted">No talks yet. Record one or upload a video above.</p>}
      <ul className="cards" data-testid="history">
        {items.map((v) => <HistoryCard key={v.videoId} video={live.has(v.videoId) ? mergeLive(v, live.get(v.videoId)!) : v}
          followed={live.has(v.videoId)} onDelete={() => remove(v)}
          onRenamed={(title) => setItems((old) => old.map((o) => (o.videoId === v.videoId ? { ...o, title } : o)))} />)}
      </ul>
      {cursor && <button type="button" className="secondary" disabled={loading} onClick={() => load(cursor)} data-testid="load-more">Load more</button>}
      {loading && <p className="muted">Loading…</p>}
      {pending && (
        <div className="toast" role="status" data-testid="undo-toast">
          <span>“{pending.video.title}” deleted.</span>
          <button type="button" onClick={undo} data-testid="undo">Undo</button>
        </div>
      )}
    </section>
  );
}

function HistoryCard({ video, followed, onDelete, onRenamed }: {
  video: Video; followed: boolean; onDelete: () => void; onRenamed: (t: string) => void;
}) {
  const { api, session } = useApp();
  const [own, setOwn] = useState<Video | null>(null);
  const v = own ? mergeLive(video, own) : video;
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(video.title);
  const [error, setError] = useState("");

  // A talk past the first page that is still on its way gets its own listener on videos/{id}.
  const unfinished = !isTerminal(video);
  useEffect(() => {
    if (followed || !unfinished) return;
    return watchDoc(session, video.videoId, (doc) => setOwn(normalizeVideo(doc, video.videoId)), () => {});
  }, [video.videoId, followed, unfinished]);

  const save = async () => {
    const t = title.trim();
    if (!t) return setError("A title cannot be empty.");
    try {
      await api.rename(v.videoId, t);
      onRenamed(t);
      setEditing(false);
      setError("");
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const status = v.status === "processing" ? `Analysing ${Math.round(v.percent)}%` : statusLabel(v.status);
  return (
    <li className="talk" data-testid="talk" data-video-id={v.videoId} data-status={v.status}>
      <a href={`#/videos/${encodeURIComponent(v.videoId)}`} className="thumb-link" tabIndex={-1} aria-hidden="true">
        {v.thumbnailUrl ? <img className="thumb" src={v.thumbnailUrl} alt="" /> : <span className="thumb" />}
      </a>
      <div className="talk-body">
        {editing ? (
          <form className="rename" onSubmit={(e) => { e.preventDefault(); save(); }}>
            <label className="sr-only" htmlFor={`t-${v.videoId}`}>New title</label>
            <input id={`t-${v.videoId}`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-testid="rename-input" autoFocus />
            <button type="submit" data-testid="rename-save">Save</button>
            <button type="button" className="secondary" onClick={() => { setEditing(false); setTitle(v.title); }}>Cancel</button>
          </form>
        ) : (
          <a className="talk-title" href={`#/videos/${encodeURIComponent(v.videoId)}`} data-testid="talk-title">{v.title}</a>
        )}
        <p className="talk-meta">
          {v.coherenceScore != null && <><strong className="talk-score">{v.coherenceScore}</strong> <TierPill tier={v.scoreTier} label={v.scoreTierLabel} /> · </>}
          <span data-testid="talk-status">{status}</span>
          {v.durationSeconds != null && <> · {formatDuration(v.durationSeconds)}</>} · {formatWhen(v.createdAt)}
        </p>
        {error && <p className="error" role="alert">{error}</p>}
        {!editing && (
          <div className="row">
            <button type="button" className="secondary small" onClick={() => setEditing(true)} aria-label={`Rename ${v.title}`} data-testid="rename">Rename</button>
            <button type="button" className="secondary small" onClick={onDelete} aria-label={`Delete ${v.title}`} data-testid="delete">Delete</button>
          </div>
        )}
      </div>
    </li>
  );
}
