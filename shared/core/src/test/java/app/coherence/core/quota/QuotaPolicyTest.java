package app.coherence.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.user.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-24T13:00:00Z");
    private final QuotaPolicy policy = new QuotaPolicy(PlanLimits.defaults());

    private static Usage used(int analyses, int today) {
        Usage usage = Usage.none("u1", YearMonth.of(2026, 11));
        for (int i = 0; i < analyses; i++) {
            usage = usage.withReservation(i < today ? LocalDate.of(2026, 11, 24) : LocalDate.of(2026, 11, 2));
        }
        return usage;
    }

    @Test
    void check_shouldAllowFreeUserTwiceAMonth() {
        assertThat(policy.check(Plan.FREE, used(0, 0), NOW).allowed()).isTrue();
        assertThat(policy.check(Plan.FREE, used(1, 1), NOW).allowed()).isTrue();
        QuotaDecision third = policy.check(Plan.FREE, used(2, 2), NOW);
        assertThat(third.allowed()).isFalse();
        assertThat(third.window()).isEqualTo(QuotaDecision.Window.MONTH);
        assertThat(third.limit()).isEqualTo(2);
        assertThat(third.used()).isEqualTo(2);
        assertThat(third.resetsAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void check_shouldApplyPaidPlansMonthlyLimits() {
        assertThat(policy.check(Plan.INDIVIDUAL, used(19, 0), NOW).allowed()).isTrue();
        assertThat(policy.check(Plan.INDIVIDUAL, used(20, 0), NOW).limit()).isEqualTo(20);
        assertThat(policy.check(Plan.INDIVIDUAL, used(20, 0), NOW).allowed()).isFalse();
        assertThat(policy.check(Plan.PRO, used(99, 0), NOW).allowed()).isTrue();
        assertThat(policy.check(Plan.PRO, used(100, 0), NOW).allowed()).isFalse();
    }

    @Test
    void check_shouldStopTheEleventhUploadOfADayOnEveryPlan() {
        QuotaDecision decision = policy.check(Plan.PRO, used(10, 10), NOW);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.window()).isEqualTo(QuotaDecision.Window.DAY);
        assertThat(decision.limit()).isEqualTo(10);
        assertThat(decision.resetsAt()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        // Ten yesterday do not count today.
        assertThat(policy.check(Plan.PRO, used(10, 0), NOW).allowed()).isTrue();
    }

    @Test
    void enforce_shouldThrowQuotaExceededWithDetails() {
        QuotaDecision decision = policy.check(Plan.FREE, used(2, 0), NOW);
        assertThatThrownBy(decision::enforce)
                .isInstanceOfSatisfying(CoherenceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                    assertThat(e.code().httpStatus()).isEqualTo(429);
                    assertThat(e.details()).containsEntry("limit", 2).containsEntry("used", 2)
                            .containsEntry("resetsAt", "2026-12-01T00:00:00Z");
                });
    }

    @Test
    void limits_shouldBeConfigurable() {
        PlanLimits limits = PlanLimits.from(Map.of("QUOTA_FREE_PER_MONTH", "5", "QUOTA_UPLOADS_PER_DAY", "3")::get);
        assertThat(limits.monthly(Plan.FREE)).isEqualTo(5);
        assertThat(limits.monthly(Plan.PRO)).isEqualTo(100);
        assertThat(limits.uploadsPerDay()).isEqualTo(3);
        assertThatThrownBy(() -> PlanLimits.from(Map.of("QUOTA_PRO_PER_MONTH", "lots")::get))
                .hasMessageContaining("QUOTA_PRO_PER_MONTH");
    }

    @Test
    void usage_shouldReleaseTheMonthsSlotButKeepTheDaysUploads() {
        LocalDate day = LocalDate.of(2026, 11, 24);
        Usage usage = Usage.none("u1", YearMonth.of(2026, 11)).withReservation(day).withReservation(day);
        assertThat(usage.analyses()).isEqualTo(2);
        assertThat(usage.uploadsOn(day)).isEqualTo(2);
        Usage released = usage.withRelease().withRelease().withRelease();
        assertThat(released.analyses()).isZero();
        assertThat(released.uploadsOn(day)).as("the daily cap counts every upload reserved").isEqualTo(2);
        assertThat(usage.documentId()).isEqualTo("u1_2026-11");
    }

    @Test
    void report_shouldShowRemainingBoundedByTheMonth() {
        UsageReport report = UsageReport.of(Plan.FREE, PlanLimits.defaults(), used(1, 1), NOW);
        assertThat(report.remaining().analysesThisMonth()).isEqualTo(1);
        assertThat(report.remaining().uploadsToday()).isEqualTo(1);
        assertThat(report.used().uploadsToday()).isEqualTo(1);
        assertThat(report.resetsAt().month()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }
}
