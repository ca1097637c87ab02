package app.coherence.core.job;

import app.coherence.core.http.HttpCall;

/**
 * Port: proves that a call to the analysis task target came from our task queue (an OIDC token of the
 * queue's service account in GCP, a shared secret header on one machine). Checked before anything runs.
 */
public interface TaskCallerCheck {

    /**
     * Returns normally when {@code call} comes from the task queue.
     *
     * @throws app.coherence.core.error.CoherenceException UNAUTHENTICATED (401) otherwise
     */
    void verify(HttpCall call);
}
