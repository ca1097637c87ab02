import { useEffect, useState } from "react";
import { useApp } from "../context";
import { LimitNotice } from "../components/LimitNotice";
import { formatDay } from "../lib/format";
import type { Usage } from "../lib/types";

const PLANS = [
  { id: "free", name: "Free", price: "$0", analyses: 2 },
  { id: "individual", name: "Individual", price: "$19 a month", analyses: 20 },
  { id: "pro", name: "Pro", price: "$49 a month", analyses: 100 },
];

export function Plans() {
  const { api } = useApp();
  const [usage, setUsage] = useState<Usage | null>(null);
  const [error, setError] = useState("");
  const [message, setMessage] = useState("");

  const load = () => api.usage().then(setUsage).catch((e) => setError((e as Error).message));
  useEffect(() => { load(); }, []);

  const act = async (call: () => Promise<{ url: string }>) => {
    setMessage("Opening the payment page…");
    try {
      location.href = (await call()).url;
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  const used = usage?.used?.analysesThisMonth ?? 0;
  const limit = usage?.limits?.analysesThisMonth ?? 0;
  const atLimit = usage != null && (usage.remaining?.analysesThisMonth ?? limit - used) <= 0;

  return (
    <>
      <h1>Plans and usage</h1>
      <section className="card" aria-labelledby="usage-h" data-testid="usage">
        <h2 id="usage-h">This month</h2>
        {error && <p className="error" role="alert">{error} <button type="button" className="link" onClick={load}>Try again</button></p>}
        {usage && (
          <>
            <p>You are on the <strong data-testid="plan">{PLANS.find((p) => p.id === usage.plan)?.name ?? usage.plan}</strong> plan.</p>
            <Meter label="Analyses this month" used={used} limit={limit} />
            <Meter label="Uploads today" used={usage.used?.uploadsToday ?? 0} limit={usage.limits?.uploadsToday ?? 0} />
            <p className="hint">Only analyses that finish count. A file that turns out not to be a talk gives its analysis back.
              Your allowance comes back on {formatDay(usage.resetsAt?.month)}.</p>
            {atLimit && <LimitNotice resetsAt={usage.resetsAt?.month} limit={limit} />}
          </>
        )}
      </section>
      <section className="card" aria-labelledby="plans-h">
        <h2 id="plans-h">Plans</h2>
        <ul className="plans">
          {PLANS.map((p) => (
            <li key={p.id} className={`plan ${p.id === usage?.plan ? "current" : ""}`}>
              <h3>{p.name}</h3>
              <p className="price">{p.price}</p>
              <p>{p.analyses} analyses a month</p>
              {p.id === usage?.plan ? <p className="muted">Your plan</p> : p.id !== "free" &&
                <button type="button" onClick={() => act(() => api.checkout(p.id))} data-testid={`checkout-${p.id}`}>Choose {p.name}</button>}
            </li>
          ))}
        </ul>
        {usage && usage.plan !== "free" && <button type="button" className="secondary" onClick={() => act(() => api.portal())}>Manage subscription</button>}
        {message && <p role="status" data-testid="billing-message">{message}</p>}
      </section>
    </>
  );
}

function Meter({ label, used, limit }: { label: string; used: number; limit: number }) {
  const pct = limit > 0 ? Math.min(100, (used / limit) * 100) : 100;
  return (
    <div className="meter">
      <div className="row spread"><span>{label}</span><span>{used} of {limit}</span></div>
      <div className="bar" role="progressbar" aria-label={label} aria-valuenow={used} aria-valuemin={0} aria-valuemax={limit}>
        <div className={`fill ${pct >= 100 ? "poor" : pct >= 75 ? "ok" : "good"}`} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
