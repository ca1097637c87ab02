package app.coherence.gcp.firestore;

import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The Firestore-backed stores, given a {@link Firestore} bean: one list shared by the GCP and the
 * one-machine configurations, which differ only in where that client points.
 */
@Configuration(proxyBeanMethods = false)
@Lazy
public class FirestoreStoresConfiguration {

    @Bean
    public FirestoreVideoStore videoStore(Firestore firestore) {
        return new FirestoreVideoStore(firestore);
    }

    @Bean
    public FirestoreAnalysisStore analysisStore(Firestore firestore, Clock clock) {
        return new FirestoreAnalysisStore(firestore, clock);
    }

    @Bean
    public FirestoreVideoListing videoListing(Firestore firestore) {
        return new FirestoreVideoListing(firestore);
    }

    @Bean
    public FirestoreProfileStore profileStore(Firestore firestore) {
        return new FirestoreProfileStore(firestore);
    }

    @Bean
    public FirestoreAccountData accountData(Firestore firestore) {
        return new FirestoreAccountData(firestore);
    }

    @Bean
    public FirestoreDeletedVideos deletedVideos(Firestore firestore) {
        return new FirestoreDeletedVideos(firestore);
    }

    @Bean
    public FirestoreNotifications notifications(Firestore firestore) {
        return new FirestoreNotifications(firestore);
    }
}
