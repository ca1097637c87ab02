package app.coherence.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.profile.FailureNotice;
import app.coherence.core.profile.StoredProfile;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Plan;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** users/{uid} stats and display name, and notifications, on the Firestore emulator. */
class FirestoreProfileStoreTest {
    private static FirestoreTestEmulator emulator;
    private static Firestore db;
    private static FirestoreProfileStore profiles;

    @BeforeAll
    static void start() {
        emulator = FirestoreTestEmulator.shared();
        db = emulator.admin();
        profiles = new FirestoreProfileStore(db);
    }

    @AfterAll
    static void stop() throws Exception {
        emulator.close();
    }

    @Test
    void countAnalysis_shouldCountEachVideoOnce() {
        Instant at = Instant.parse("2026-02-03T04:05:06.789Z");
        assertThat(profiles.countAnalysis("u1", "v1", s -> s.withAnalysis(70, at, Map.of("um", 2), Map.of("GAZE_AVERSION", 1)))).isTrue();
        assertThat(profiles.countAnalysis("u1", "v1", s -> s.withAnalysis(70, at, Map.of("um", 2), Map.of()))).isFalse();
        assertThat(profiles.countAnalysis("u1", "v2", s -> s.withAnalysis(90, at, Map.of("uh", 1, "um", 1), Map.of()))).isTrue();

        StoredProfile p = profiles.find("u1").orElseThrow();
        assertThat(p.stats().analyses()).isEqualTo(2);
        assertThat(p.stats().averageScore()).isEqualTo(80.0);
        assertThat(p.stats().bestScore()).isEqualTo(90);
        assertThat(p.stats().lastScore()).isEqualTo(90);
        assertThat(p.stats().lastAnalysedAt()).isEqualTo(at);
        assertThat(p.stats().recentScores()).containsExactly(70, 90);
        assertThat(p.stats().fillerWords()).containsExactlyInAnyOrderEntriesOf(Map.of("um", 3, "uh", 1));
        assertThat(p.stats().flagTypes()).containsExactlyEntriesOf(Map.of("GAZE_AVERSION", 1));
    }

    @Test
    void stats_shouldLeaveTheAccountFieldsAlone() throws Exception {
        db.collection("users").document("u2").set(Map.of("uid", "u2", "email", "p@example.com", "plan", "pro",
                "stripeCustomerId", "cus_1")).get();
        profiles.countAnalysis("u2", "v1", s -> s.withAnalysis(55, Instant.now(), Map.of(), Map.of()));
        profiles.setDisplayName(new AuthenticatedUser("u2", "p@example.com", null), "Pat");

        DocumentSnapshot d = db.collection("users").document("u2").get().get();
        assertThat(d.getString("plan")).isEqualTo("pro");
        assertThat(d.getString("stripeCustomerId")).isEqualTo("cus_1");
        assertThat(d.getString("displayName")).isEqualTo("Pat");
        StoredProfile p = profiles.find("u2").orElseThrow();
        assertThat(p.plan()).isEqualTo(Plan.PRO);
        assertThat(p.stats().analyses()).isEqualTo(1);
    }

    @Test
    void setDisplayName_shouldCreateAFreeAccountOnFirstWrite() {
        StoredProfile p = profiles.setDisplayName(new AuthenticatedUser("u3", "n@example.com", null), "Nat");
        assertThat(p.displayName()).isEqualTo("Nat");
        assertThat(p.email()).isEqualTo("n@example.com");
        assertThat(p.plan()).isEqualTo(Plan.FREE);
        assertThat(p.createdAt()).isNotNull();
        assertThat(p.stats().analyses()).isZero();
    }

    @Test
    void notifications_shouldBeStoredOncePerVideo() throws Exception {
        FirestoreNotifications notifications = new FirestoreNotifications(db);
        FailureNotice notice = FailureNotice.of("u4", "v9", "INVALID_MEDIA", "not a video", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(notifications.add(notice)).isTrue();
        assertThat(notifications.add(notice)).isFalse();
        DocumentSnapshot d = db.collection("notifications").document("v9-failed").get().get();
        assertThat(d.getString("userId")).isEqualTo("u4");
        assertThat(d.getString("errorCode")).isEqualTo("INVALID_MEDIA");
        assertThat(d.getBoolean("read")).isFalse();
    }
}
