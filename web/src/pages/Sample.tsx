import { Report } from "../components/Report";
import { useApp } from "../context";
import { SAMPLE_RESULT } from "../lib/sample";

export function SamplePage() {
  const { user } = useApp();
  return (
    <>
      <h1>Sample report</h1>
      <p className="lead">This is what Coherence gives you for a talk: a 95-second project pitch, analysed. Tap a mark on the
        timeline or a word in the transcript to jump there.</p>
      <Report result={SAMPLE_RESULT} sample />
      <p>{user ? <a className="button" href="#/record">Record your own talk</a> : <a className="button" href="#/">Sign up to try yours</a>}</p>
    </>
  );
}

/** The first-visit introduction, shown after sign-up. */
export function Welcome() {
  return (
    <section className="card welcome">
      <h1>Welcome to Coherence</h1>
      <ol className="steps">
        <li><strong>Record or upload a talk.</strong> Two to ten minutes works best; speak as you would to your audience.</li>
        <li><strong>Wait a minute.</strong> We transcribe what you say and watch how you say it.</li>
        <li><strong>Read your report.</strong> A score from 0 to 100, your delivery, and the moments where your words, face
          and voice tell different stories, each with a tip.</li>
      </ol>
      <div className="row">
        <a className="button" href="#/sample" data-testid="welcome-sample">See a sample report</a>
        <a className="button secondary" href="#/record">Record a talk</a>
        <a className="tap" href="#/">Skip</a>
      </div>
    </section>
  );
}
