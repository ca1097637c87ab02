package app.coherence.function.api;

import app.coherence.core.account.AccountData;
import app.coherence.core.account.AccountDeletion;
import app.coherence.core.account.SignInAccounts;
import app.coherence.core.analysis.AnalysisStore;
import app.coherence.core.history.DeletedVideoCleanup;
import app.coherence.core.history.DeletedVideos;
import app.coherence.core.history.HistoryService;
import app.coherence.core.history.VideoListing;
import app.coherence.core.http.Authenticator;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.job.TaskCallerCheck;
import app.coherence.core.profile.ProfileService;
import app.coherence.core.profile.ProfileStore;
import app.coherence.core.upload.BlobStore;
import app.coherence.core.user.CachingIdentity;
import app.coherence.core.user.FirstUse;
import app.coherence.core.user.Identity;
import app.coherence.core.user.UserStore;
import app.coherence.core.video.VideoStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code api} function bean: history, results, profile and the OpenAPI document under /v1/, and the
 * scheduled cleanup of deleted videos. Ports it needs beyond the common ones: {@link VideoListing},
 * {@link ProfileStore}, {@link DeletedVideos} (Firestore adapters in app.coherence.gcp.firestore).
 */
@Configuration(proxyBeanMethods = false)
public class ApiFunctionConfiguration {

    /** How long playback and thumbnail URLs stay valid. */
    static final Duration URL_TTL = Duration.ofHours(1);
    /** How long a verified ID token is trusted without verifying it again (never past its expiry). */
    static final Duration TOKEN_CACHE = Duration.ofMinutes(1);

    @Bean
    public HistoryService historyService(VideoStore videos, VideoListing listing, AnalysisStore analyses,
                                         BlobStore blobs, Clock clock) {
        return new HistoryService(videos, listing, analyses, blobs, clock, URL_TTL);
    }

    @Bean
    public ProfileService profileService(ProfileStore profiles) {
        return new ProfileService(profiles);
    }

    @Bean
    public DeletedVideoCleanup deletedVideoCleanup(DeletedVideos deleted, BlobStore blobs, Clock clock) {
        return new DeletedVideoCleanup(deleted, blobs, clock);
    }

    @Bean
    public HttpFunction api(HistoryService historyService, ProfileService profileService, Identity identity,
                            ObjectProvider<UserStore> users, DeletedVideoCleanup deletedVideoCleanup, Clock clock,
                            ObjectProvider<TaskCallerCheck> taskCallerCheck,
                            @Qualifier("billing") ObjectProvider<HttpFunction> billing,
                            ObjectProvider<AccountData> accountData, ObjectProvider<SignInAccounts> signIns, BlobStore blobs) {
        UserStore userStore = users.getIfAvailable();
        // Clients poll the status document and page through history: verify each token once a minute at most.
        CachingIdentity cached = new CachingIdentity(identity, clock, TOKEN_CACHE);
        Authenticator authenticator = userStore == null
                ? new Authenticator(cached)
                : new Authenticator(cached, new FirstUse(userStore)::accept);
        // a closed account's remembered tokens go with its sign-in, so no request re-creates its user document
        SignInAccounts closing = signIns.getIfAvailable() == null ? null : uid -> {
            signIns.getObject().delete(uid);
            cached.forget(uid);
        };
        AccountDeletion accounts = accountData.getIfAvailable() == null || closing == null ? null
                : new AccountDeletion(accountData.getObject(), blobs, closing);
        return new ApiFunction(historyService, profileService, authenticator, OpenApiDocument.load(),
                billing.getIfAvailable(), deletedVideoCleanup, taskCallerCheck.getIfAvailable(), accounts);
    }
}
