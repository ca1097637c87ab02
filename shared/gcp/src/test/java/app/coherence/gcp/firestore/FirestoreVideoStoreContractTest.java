package app.coherence.gcp.firestore;

import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.quota.UsageStore;
import app.coherence.core.testing.VideoStoreContract;
import app.coherence.core.upload.UploadLedger;
import app.coherence.core.video.VideoStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Firestore adapters against the emulator, held to the specification the in-memory fixture meets. */
class FirestoreVideoStoreContractTest extends VideoStoreContract {
    private static FirestoreTestEmulator emulator;
    private static FirestoreVideoStore videos;
    private static FirestoreUploadLedger ledger;

    @BeforeAll
    static void start() {
        emulator = FirestoreTestEmulator.shared();
        videos = new FirestoreVideoStore(emulator.admin());
        ledger = new FirestoreUploadLedger(emulator.admin(), new QuotaPolicy(PlanLimits.defaults()));
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    @Override
    protected VideoStore videos() {
        return videos;
    }

    @Override
    protected UploadLedger ledger() {
        return ledger;
    }

    @Override
    protected UsageStore usage() {
        return ledger;
    }
}
