import { useEffect, useState, type FormEvent } from "react";
import { useApp } from "../context";
import { Chart } from "../components/Chart";
import { changePassword, logOut, sendReset } from "../lib/firebase";
import type { AnalysisResult, Profile } from "../lib/types";

/** Talks the charts show: the last ten, enough to see a trend without a slow page. */
const CHART_TALKS = 10;

export function ProfilePage() {
  const { api } = useApp();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState("");
  useEffect(() => { api.me().then(setProfile).catch((e) => setError((e as Error).message)); }, []);
  return (
    <>
      <h1>Profile</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <DisplayName profile={profile} onSaved={setProfile} />
      <Progress />
      <Password />
      <DeleteAccount />
    </>
  );
}

function DisplayName({ profile, onSaved }: { profile: Profile | null; onSaved: (p: Profile) => void }) {
  const { api, user } = useApp();
  const [name, setName] = useState("");
  const [message, setMessage] = useState("");
  useEffect(() => { if (profile?.displayName) setName(profile.displayName); }, [profile?.displayName]);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onSaved(await api.setDisplayName(name.trim()));
      setMessage("Saved.");
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <section className="card" aria-labelledby="name-h">
      <h2 id="name-h">You</h2>
      <p className="muted">Signed in as {user?.email}</p>
      <form className="stack" onSubmit={save}>
        <label>Display name<input value={name} required maxLength={80} onChange={(e) => setName(e.target.value)} data-testid="display-name" /></label>
        <button type="submit" data-testid="save-name">Save name</button>
        {message && <p role="status">{message}</p>}
      </form>
    </section>
  );
}

function Progress() {
  const { api } = useApp();
  const [results, setResults] = useState<AnalysisResult[] | null>(null);
  useEffect(() => {
    (async () => {
      const page = await api.list(new URLSearchParams({ limit: String(CHART_TALKS), sort: "createdAt", order: "desc", status: "completed" }).toString());
      const all = await Promise.all(page.items.map((i) => api.analysis(i.videoId).catch(() => null)));
      setResults(all.filter((r): r is AnalysisResult => r != null).reverse());
    })().catch(() => setResults([]));
  }, []);
  return (
    <section className="card" aria-labelledby="progress-h">
      <h2 id="progress-h">Your progress</h2>
      {results == null && <p className="muted">Loading…</p>}
      {results?.length === 0 && <p className="muted">Your charts appear after your first analysed talk.</p>}
      {results && results.length > 0 && (
        <div className="charts">
          <Chart title="Coherence score" unit="score" values={results.map((r) => r.coherenceScore)} testId="chart-score" />
          <Chart title="Fillers a minute" unit="per min" values={results.map((r) => r.metrics.fillerRatePerMinute)} testId="chart-fillers" />
          <Chart title="Speaking pace" unit="words/min" values={results.map((r) => r.metrics.speakingPace)} testId="chart-pace" />
        </div>
      )}
    </section>
  );
}

function Password() {
  const { session, user } = useApp();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await changePassword(session, current, next);
      setCurrent(""); setNext("");
      setMessage({ ok: true, text: "Your password is changed." });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };
  const reset = async () => {
    try {
      await sendReset(session, user?.email ?? "");
      setMessage({ ok: true, text: `A link to choose a new password was sent to ${user?.email}.` });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };
  return (
    <section className="card" aria-labelledby="pw-h">
      <h2 id="pw-h">Password</h2>
      <form className="stack" onSubmit={submit}>
        <label>Current password<input type="password" required autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="pw-current" /></label>
        <label>New password (at least 6 characters)<input type="password" required minLength={6} autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} data-testid="pw-new" /></label>
        <button type="submit" data-testid="pw-change">Change password</button>
      </form>
      <p><button type="button" className="link" onClick={reset} data-testid="pw-reset">Forgot it? Email me a reset link</button></p>
      {message && <p className={message.ok ? "success" : "error"} role="status" data-testid="pw-message">{message.text}</p>}
    </section>
  );
}

function DeleteAccount() {
  const { api, session } = useApp();
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api.deleteAccount();
      await logOut(session).catch(() => {});
      location.hash = "#/";
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <section className="card danger" aria-labelledby="del-h">
      <h2 id="del-h">Delete my account</h2>
      <p>This deletes your account, every talk, every report and every stored video. It cannot be undone.</p>
      <form className="stack" onSubmit={submit}>
        <label>Type DELETE to confirm<input value={confirm} onChange={(e) => setConfirm(e.target.value)} data-testid="delete-confirm" autoComplete="off" /></label>
        <button type="submit" className="danger" disabled={confirm !== "DELETE" || busy} data-testid="delete-account">Delete my account and data</button>
        {error && <p className="error" role="alert">{error}</p>}
      </form>
    </section>
  );
}
