package app.coherence.function.quota;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import app.coherence.core.job.TaskCallerCheck;
import app.coherence.core.reconcile.UploadReconciler;

/**
 * POST /tasks/reconcile: makes stored uploads and video documents agree after a lost event
 * ({@link UploadReconciler}). Called by Cloud Scheduler with an OIDC token; nobody else.
 */
public class ReconcileFunction {
    private final TaskCallerCheck callerCheck;
    private final UploadReconciler reconciler;

    /** {@code callerCheck} may be null: then no caller is trusted and every call is 401. */
    public ReconcileFunction(TaskCallerCheck callerCheck, UploadReconciler reconciler) {
        this.callerCheck = callerCheck;
        this.reconciler = reconciler;
    }

    public HttpReply reconcile(HttpCall call) {
        if (callerCheck == null) {
            throw new CoherenceException(ErrorCode.UNAUTHENTICATED, "no task caller is trusted by this deployment");
        }
        callerCheck.verify(call);
        return HttpReply.json(200, reconciler.reconcile());
    }
}
