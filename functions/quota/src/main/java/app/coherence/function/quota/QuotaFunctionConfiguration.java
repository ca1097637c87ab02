package app.coherence.function.quota;

import app.coherence.core.http.Authenticator;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpFunctions;
import app.coherence.core.http.HttpRoutes;
import app.coherence.core.job.TaskQueue;
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

/** The {@code uploads} function bean: POST /v1/uploads (GET /v1/usage joins it with quota reporting). */
@Configuration(proxyBeanMethods = false)
public class QuotaFunctionConfiguration {

    @Bean
    public HttpFunction uploads(Identity identity, ObjectProvider<UserStore> users, UploadRules rules,
                                UploadLedger ledger, VideoStore videos, BlobStore blobs, TaskQueue tasks, Clock clock) {
        UserStore userStore = users.getIfAvailable();
        Authenticator authenticator = userStore == null
                ? new Authenticator(identity)
                : new Authenticator(identity, new FirstUse(userStore)::accept);
        UploadsFunction reservations = new UploadsFunction(authenticator,
                new UploadService(rules, ledger, videos, blobs, tasks, clock));
        return HttpFunctions.guarded(HttpRoutes.builder()
                .route("POST", "/v1/uploads", reservations::reserve)
                .build());
    }
}
