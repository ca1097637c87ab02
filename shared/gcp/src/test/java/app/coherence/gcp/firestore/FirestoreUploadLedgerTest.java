package app.coherence.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.QuotaPolicy;
import app.coherence.core.quota.ReservationSweeper;
import app.coherence.core.quota.Usage;
import app.coherence.core.quota.UsageReport;
import app.coherence.core.quota.UsageService;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.Plan;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoLifecycle;
import app.coherence.core.video.VideoStatus;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FirestoreUploadLedgerTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static FirestoreTestEmulator emulator;
    private static Firestore db;
    private static FirestoreUploadLedger ledger;
    /** A second function instance: its own client and its own in-process queue, so only Firestore keeps the two apart. */
    private static FirestoreUploadLedger otherInstance;
    private static Firestore otherClient;

    @BeforeAll
    static void start() throws Exception {
        emulator = FirestoreTestEmulator.shared();
        db = emulator.admin();
        ledger = new FirestoreUploadLedger(db, new QuotaPolicy(PlanLimits.defaults()));
        otherClient = FirestoreTestEmulator.client(emulator.hostPort(), emulator.projectId());
        otherInstance = new FirestoreUploadLedger(otherClient, new QuotaPolicy(PlanLimits.defaults()));
    }

    @AfterAll
    static void stop() throws Exception {
        otherClient.close();
        emulator.close();
    }

    private static String newUser(Plan plan) throws Exception {
        String uid = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        db.collection("users").document(uid).set(Map.of("plan", plan.wireName(), "email", uid + "@example.com")).get();
        return uid;
    }

    private static Video reservation(String uid, Instant at) {
        String id = UUID.randomUUID().toString().replace("-", "");
        return Video.reserved(id, uid, "talk", "uploads/" + uid + "/" + id, "video/mp4", 1000, at, at.plus(Duration.ofHours(1)));
    }

    /**
     * Runs {@code count} reservations at once, alternating between two instances, and returns how many
     * got a slot; every other one must be QUOTA_EXCEEDED.
     */
    private static int reserveConcurrently(String uid, int count, Instant at) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Instant when = at.plusMillis(i);
                FirestoreUploadLedger instance = i % 2 == 0 ? ledger : otherInstance;
                calls.add(() -> {
                    try {
                        instance.reserve(reservation(uid, when));
                        return true;
                    } catch (CoherenceException e) {
                        assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                        return false;
                    }
                });
            }
            int ok = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                ok += f.get() ? 1 : 0;
            }
            return ok;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<QueryDocumentSnapshot> videosOf(String uid) throws Exception {
        return db.collection("videos").whereEqualTo("userId", uid).get().get().getDocuments();
    }

    @Test
    void reserve_shouldGrantExactlyTwoOfFiftyConcurrentFreeReservations() throws Exception {
        String uid = newUser(Plan.FREE);
        assertThat(reserveConcurrently(uid, 50, NOW)).isEqualTo(2);
        Usage usage = ledger.find(uid, YearMonth.of(2026, 11));
        assertThat(usage.analyses()).isEqualTo(2);
        assertThat(usage.uploadsOn(NOW.atZone(ZoneOffset.UTC).toLocalDate())).isEqualTo(2);
        assertThat(videosOf(uid)).hasSize(2);
    }

    @Test
    void reserve_shouldGrantAtMostTenADayToAProUser() throws Exception {
        String uid = newUser(Plan.PRO);
        assertThat(reserveConcurrently(uid, 50, NOW)).isEqualTo(10);
        assertThat(videosOf(uid)).hasSize(10);
        assertThat(ledger.find(uid, YearMonth.of(2026, 11)).analyses()).isEqualTo(10);
        // The next day the guard starts again; the month's count keeps growing.
        ledger.reserve(reservation(uid, NOW.plus(Duration.ofDays(1))));
        assertThat(ledger.find(uid, YearMonth.of(2026, 11)).analyses()).isEqualTo(11);
    }

    @Test
    void reserve_overTheLimit_shouldWriteNothingAndReportLimit() throws Exception {
        String uid = newUser(Plan.FREE);
        ledger.reserve(reservation(uid, NOW));
        ledger.reserve(reservation(uid, NOW));
        Video third = reservation(uid, NOW);
        assertThatThrownBy(() -> ledger.reserve(third)).isInstanceOfSatisfying(CoherenceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
            assertThat(e.details()).containsEntry("limit", 2).containsEntry("used", 2)
                    .containsEntry("resetsAt", "2026-12-01T00:00:00Z");
        });
        assertThat(db.collection("videos").document(third.videoId()).get().get().exists()).isFalse();
        assertThat(ledger.find(uid, YearMonth.of(2026, 11)).analyses()).isEqualTo(2);
    }

    @Test
    void usage_shouldReportPlanUsedRemainingAndResets() throws Exception {
        String uid = newUser(Plan.INDIVIDUAL);
        ledger.reserve(reservation(uid, NOW));
        ledger.reserve(reservation(uid, NOW.minus(Duration.ofDays(3))));
        UsageService service = new UsageService(new FirestoreUserStore(db, Clock.systemUTC()), ledger, PlanLimits.defaults(),
                Clock.fixed(NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));
        UsageReport report = service.report(new AuthenticatedUser(uid, uid + "@example.com", null));
        assertThat(report.plan()).isEqualTo(Plan.INDIVIDUAL);
        assertThat(report.limits().analysesThisMonth()).isEqualTo(20);
        assertThat(report.limits().uploadsToday()).isEqualTo(10);
        assertThat(report.used().analysesThisMonth()).isEqualTo(2);
        assertThat(report.used().uploadsToday()).isEqualTo(1);
        assertThat(report.remaining().analysesThisMonth()).isEqualTo(18);
        assertThat(report.remaining().uploadsToday()).isEqualTo(9);
        assertThat(report.resetsAt().month()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(report.resetsAt().day()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void reserve_withoutAccountDocument_shouldUseTheFreePlan() throws Exception {
        String uid = "nodoc" + UUID.randomUUID().toString().substring(0, 8);
        ledger.reserve(reservation(uid, NOW));
        ledger.reserve(reservation(uid, NOW));
        assertThatThrownBy(() -> ledger.reserve(reservation(uid, NOW))).isInstanceOf(CoherenceException.class);
    }

    @Test
    void release_shouldGiveTheSlotBackExactlyOnce() throws Exception {
        String uid = newUser(Plan.FREE);
        Video first = reservation(uid, NOW);
        ledger.reserve(first);
        ledger.reserve(reservation(uid, NOW));
        ledger.release(first);
        ledger.release(first);
        assertThat(ledger.find(uid, YearMonth.of(2026, 11)).analyses()).isEqualTo(1);
        // A video that never took a slot gives nothing back.
        ledger.release(reservation(uid, NOW));
        assertThat(ledger.find(uid, YearMonth.of(2026, 11)).analyses()).isEqualTo(1);
        ledger.reserve(reservation(uid, NOW));
        assertThatThrownBy(() -> ledger.reserve(reservation(uid, NOW))).isInstanceOf(CoherenceException.class);
    }

    @Test
    void sweep_shouldExpireOverdueReservationsAndReturnTheirSlots() throws Exception {
        // A project of its own: the sweep looks at every reservation in the database.
        try (FirestoreTestEmulator own = FirestoreTestEmulator.shared()) {
            Firestore ownDb = own.admin();
            FirestoreUploadLedger ownLedger = new FirestoreUploadLedger(ownDb, new QuotaPolicy(PlanLimits.defaults()));
            String uid = "sweeper";
            Video overdue = reservation(uid, NOW);
            Video fresh = reservation(uid, NOW.plus(Duration.ofMinutes(50)));
            ownLedger.reserve(overdue);
            ownLedger.reserve(fresh);
            Instant later = NOW.plus(Duration.ofMinutes(70));
            ReservationSweeper sweeper = new ReservationSweeper(new FirestoreVideoStore(ownDb),
                    Clock.fixed(later, ZoneOffset.UTC));
            assertThat(sweeper.sweep()).isEqualTo(1);
            assertThat(sweeper.sweep()).as("a second sweep finds nothing more").isZero();
            DocumentSnapshot expired = ownDb.collection("videos").document(overdue.videoId()).get().get();
            assertThat(expired.getString("status")).isEqualTo("failed");
            assertThat(expired.getString("error.code")).isEqualTo("RESERVATION_EXPIRED");
            assertThat(ownDb.collection("videos").document(fresh.videoId()).get().get().getString("status"))
                    .isEqualTo("awaiting_upload");
            assertThat(ownLedger.find(uid, YearMonth.of(2026, 11)).analyses()).isEqualTo(1);
            // Releasing it again later (e.g. a late failure path) must not give a second slot back.
            ownLedger.release(overdue);
            assertThat(ownLedger.find(uid, YearMonth.of(2026, 11)).analyses()).isEqualTo(1);
            assertThat(new FirestoreVideoStore(ownDb).apply(fresh.videoId(), v -> VideoLifecycle.expire(v, later)))
                    .as("not yet expired").hasValueSatisfying(t -> assertThat(t.moved()).isFalse());
        }
    }

    @Test
    void delete_shouldReturnTheSlotOfAReservationAtOnceAndTheSweepNotAgain() throws Exception {
        try (FirestoreTestEmulator own = FirestoreTestEmulator.shared()) {
            Firestore ownDb = own.admin();
            FirestoreUploadLedger ownLedger = new FirestoreUploadLedger(ownDb, new QuotaPolicy(PlanLimits.defaults()));
            FirestoreVideoStore videos = new FirestoreVideoStore(ownDb);
            Video reserved = reservation("deleter", NOW);
            ownLedger.reserve(reserved);
            ownLedger.reserve(reservation("deleter", NOW));
            videos.apply(reserved.videoId(), v -> VideoLifecycle.delete(v, NOW.plus(Duration.ofMinutes(5))));
            Usage afterDelete = ownLedger.find("deleter", YearMonth.of(2026, 11));
            assertThat(afterDelete.analyses()).as("given back at once").isEqualTo(1);
            assertThat(afterDelete.uploadsOn(NOW.atZone(ZoneOffset.UTC).toLocalDate())).as("the daily cap stays").isEqualTo(2);
            Instant later = NOW.plus(Duration.ofMinutes(61));
            assertThat(new ReservationSweeper(videos, Clock.fixed(later, ZoneOffset.UTC)).sweep()).isEqualTo(2);
            assertThat(ownLedger.find("deleter", YearMonth.of(2026, 11)).analyses()).as("each slot once").isZero();
            Video after = videos.find(reserved.videoId()).orElseThrow();
            assertThat(after.status()).isEqualTo(VideoStatus.FAILED);
            assertThat(after.isDeleted()).as("still deleted").isTrue();
        }
    }
}
