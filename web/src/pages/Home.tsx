import { useEffect, useState } from "react";
import { useApp } from "../context";
import { FilePicker } from "../components/FilePicker";
import { History } from "../components/History";
import { LimitNotice } from "../components/LimitNotice";
import type { Usage } from "../lib/types";

export function Home() {
  const { api } = useApp();
  const [usage, setUsage] = useState<Usage | null>(null);
  useEffect(() => { api.usage().then(setUsage).catch(() => setUsage(null)); }, []);
  const atLimit = usage && (usage.remaining?.analysesThisMonth ?? 1) <= 0;

  return (
    <>
      <h1>Your talks</h1>
      <section className="card" aria-labelledby="new-h">
        <h2 id="new-h">New talk</h2>
        {atLimit ? <LimitNotice resetsAt={usage?.resetsAt?.month} limit={usage?.limits?.analysesThisMonth} /> : (
          <>
            <p><a className="button" href="#/record" data-testid="to-record">Record in the browser</a></p>
            <details>
              <summary>Or upload a video you already have</summary>
              <FilePicker />
            </details>
          </>
        )}
        {usage && (
          <p className="muted" data-testid="usage-line">
            {usage.used?.analysesThisMonth ?? 0} of {usage.limits?.analysesThisMonth ?? "?"} analyses used this month.
            {" "}<a href="#/plans">Plans</a> · <a href="#/sample">See a sample report</a>
          </p>
        )}
      </section>
      <History />
    </>
  );
}
