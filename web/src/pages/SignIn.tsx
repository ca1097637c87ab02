import { useState, type FormEvent } from "react";
import { useApp } from "../context";
import { sendReset, signIn, signUp } from "../lib/firebase";

export function SignIn() {
  const { session } = useApp();
  const [mode, setMode] = useState<"in" | "up">("in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError("");
    setBusy(true);
    try {
      if (mode === "up") {
        await signUp(session, email.trim(), password);
        location.hash = "#/welcome";
      } else {
        await signIn(session, email.trim(), password);
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="hero">
        <h1>Become a more convincing speaker</h1>
        <p>Record or upload a talk. Coherence scores it, shows where your words, face and voice disagree, and tells you what to practise next.</p>
        <p><a className="button secondary" href="#/sample" data-testid="see-sample">See a sample report</a></p>
      </section>
      <section className="card narrow">
        <h2>{mode === "in" ? "Sign in" : "Create your account"}</h2>
        <form className="stack" onSubmit={submit}>
          <label>Email<input type="email" required autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} name="email" /></label>
          <label>Password<input type="password" required minLength={6} name="password"
            autoComplete={mode === "in" ? "current-password" : "new-password"} value={password} onChange={(e) => setPassword(e.target.value)} /></label>
          {mode === "up" && <p className="hint">At least 6 characters.</p>}
          <button type="submit" disabled={busy} data-testid="submit-auth">{mode === "in" ? "Sign in" : "Create account"}</button>
          {error && <p className="error" role="alert" data-testid="auth-message">{error}</p>}
        </form>
        <div className="row">
          {mode === "in"
            ? <button type="button" className="link" data-testid="to-sign-up" onClick={() => { setMode("up"); setError(""); }}>New here? Create an account</button>
            : <button type="button" className="link" onClick={() => { setMode("in"); setError(""); }}>Have an account? Sign in</button>}
          <a className="tap" href="#/reset">Forgot your password?</a>
        </div>
      </section>
    </>
  );
}

export function ResetPassword() {
  const { session } = useApp();
  const [email, setEmail] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError("");
    try {
      await sendReset(session, email.trim());
      setMessage(`If ${email.trim()} has an account, a link to choose a new password is on its way. Check your inbox.`);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section className="card narrow">
      <h1>Reset your password</h1>
      <form className="stack" onSubmit={submit}>
        <label>Email<input type="email" required autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} /></label>
        <button type="submit">Send me a link</button>
      </form>
      {message && <p className="success" role="status" data-testid="reset-message">{message}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <p><a className="tap" href="#/">Back to sign in</a></p>
    </section>
  );
}
