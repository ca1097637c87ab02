package app.coherence.core.quota;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answer of {@link QuotaPolicy}: allowed, or refused with the limit that was hit, how much is used and when it resets. */
public record QuotaDecision(boolean allowed, Window window, int limit, int used, Instant resetsAt) {

    /** Which limit a decision is about. */
    public enum Window { MONTH, DAY }

    /** Throws QUOTA_EXCEEDED (429, with limit, used and resetsAt) unless allowed. */
    public void enforce() {
        if (allowed) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("limit", limit);
        details.put("used", used);
        details.put("resetsAt", resetsAt.toString());
        details.put("window", window == Window.MONTH ? "month" : "day");
        String message = window == Window.MONTH
                ? "you have used all " + limit + " analyses of your plan this month; the allowance resets at " + resetsAt
                : "at most " + limit + " uploads per day; try again after " + resetsAt;
        throw new CoherenceException(ErrorCode.QUOTA_EXCEEDED, message, details);
    }
}
