package app.coherence.function.quota;

import app.coherence.core.http.Authenticator;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpFunctions;
import app.coherence.core.http.HttpRoutes;
import app.coherence.core.job.TaskCallerCheck;
import app.coherence.core.upload.TaskQueue;
import app.coherence.core.quota.PlanLimits;
import app.coherence.core.quota.ReservationSweeper;
import app.coherence.core.quota.UsageService;
import app.coherence.core.quota.UsageStore;
import app.coherence.core.reconcile.UploadReconciler;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.upload.UploadLedger;
import app.coherence.core.upload.UploadRules;
import app.coherence.core.upload.UploadService;
import app.coherence.core.user.FirstUse;
import app.coherence.core.user.Identity;
import app.coherence.core.user.UserStore;
import app.coherence.core.video.VideoStore;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * The {@code uploads} function bean: POST /v1/uploads, GET /v1/usage, and the Cloud Scheduler jobs
 * POST /tasks/sweep-reservations (expires reservations never uploaded) and POST /tasks/reconcile
 * (stored files and video documents made to agree).
 */
@Configuration(proxyBeanMethods = false)
public class QuotaFunctionConfiguration {

    // The task queue is injected lazily: reserving never enqueues, so a quota instance never builds a Cloud Tasks client.

    @Bean
    public HttpFunction uploads(Identity identity, ObjectProvider<UserStore> users, UploadRules rules,
                                UploadLedger ledger, VideoStore videos, BlobStore blobs, @Lazy TaskQueue tasks, Clock clock,
                                ObjectProvider<UsageStore> usage, ObjectProvider<PlanLimits> limits,
                                ObjectProvider<TaskCallerCheck> taskCallerCheck, Environment env) {
        UserStore userStore = users.getIfAvailable();
        Authenticator authenticator = userStore == null
                ? new Authenticator(identity)
                : new Authenticator(identity, new FirstUse(userStore)::accept);
        UploadService uploadService = new UploadService(rules, ledger, videos, blobs, tasks, clock);
        UploadsFunction reservations = new UploadsFunction(authenticator, uploadService);
        UploadReconciler reconciler = new UploadReconciler(videos, blobs, uploadService, tasks, rules.reservationTtl(), clock);
        HttpRoutes.Builder routes = HttpRoutes.builder()
                .route("POST", "/v1/uploads", reservations::reserve)
                .route("POST", "/tasks/sweep-reservations",
                        new SweepFunction(taskCallerCheck.getIfAvailable(), new ReservationSweeper(videos, clock))::sweep)
                .route("POST", "/tasks/reconcile", new ReconcileFunction(taskCallerCheck.getIfAvailable(), reconciler)::reconcile);
        UsageStore usageStore = usage.getIfAvailable();
        if (userStore != null && usageStore != null) {
            PlanLimits planLimits = limits.getIfAvailable(() -> PlanLimits.from(env::getProperty));
            routes.route("GET", "/v1/usage",
                    new UsageFunction(authenticator, new UsageService(userStore, usageStore, planLimits, clock))::get);
        }
        return HttpFunctions.guarded(routes.build());
    }
}
