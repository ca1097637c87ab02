import { ApiError } from "../lib/errors";
import { formatDay } from "../lib/format";

/** At the limit: a plain sentence with the reset date and the way to more analyses. */
export function LimitNotice({ error, resetsAt, limit }: { error?: ApiError; resetsAt?: string; limit?: number }) {
  const message = error?.message
    ?? `You have used all ${limit ?? ""} analyses of your plan this month. They come back on ${formatDay(resetsAt)}, or choose a bigger plan now.`.replace("all  ", "all ");
  return (
    <div className="notice" role="status" data-testid="limit-notice">
      <p>{message}</p>
      <a className="button" href="#/plans" data-testid="to-plans">See plans</a>
    </div>
  );
}
