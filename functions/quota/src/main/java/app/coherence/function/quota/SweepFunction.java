package app.coherence.function.quota;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import app.coherence.core.job.TaskCallerCheck;
import app.coherence.core.quota.ReservationSweeper;
import java.util.Map;

/**
 * POST /tasks/sweep-reservations: expires reservations never uploaded and gives their slots back.
 * Called by Cloud Scheduler with an OIDC token (checked like the analysis task); nobody else.
 */
public class SweepFunction {
    private final TaskCallerCheck callerCheck;
    private final ReservationSweeper sweeper;

    /** {@code callerCheck} may be null: then no caller is trusted and every call is 401. */
    public SweepFunction(TaskCallerCheck callerCheck, ReservationSweeper sweeper) {
        this.callerCheck = callerCheck;
        this.sweeper = sweeper;
    }

    public HttpReply sweep(HttpCall call) {
        if (callerCheck == null) {
            throw new CoherenceException(ErrorCode.UNAUTHENTICATED, "no task caller is trusted by this deployment");
        }
        callerCheck.verify(call);
        return HttpReply.json(200, Map.of("expired", sweeper.sweep()));
    }
}
