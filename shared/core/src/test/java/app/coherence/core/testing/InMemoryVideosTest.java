package app.coherence.core.testing;

import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.quota.UsageStore;
import app.coherence.core.upload.UploadLedger;
import app.coherence.core.video.VideoStore;

/** The in-memory fixture meets the same specification as the Firestore adapters. */
class InMemoryVideosTest extends VideoStoreContract {
    private final InMemoryVideos store = new InMemoryVideos(new QuotaPolicy(PlanLimits.defaults()));

    @Override
    protected VideoStore videos() {
        return store;
    }

    @Override
    protected UploadLedger ledger() {
        return store;
    }

    @Override
    protected UsageStore usage() {
        return store;
    }
}
