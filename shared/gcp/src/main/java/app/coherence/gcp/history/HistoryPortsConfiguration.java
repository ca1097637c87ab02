package app.coherence.gcp.history;

import app.coherence.gcp.firestore.FirestoreDeletedVideos;
import app.coherence.gcp.firestore.FirestoreNotifications;
import app.coherence.gcp.firestore.FirestoreProfileStore;
import app.coherence.gcp.firestore.FirestoreVideoListing;
import com.google.cloud.firestore.Firestore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The history and profile ports on Firestore, for GcpPortsConfiguration and LocalPortsConfiguration to
 * import (they need a {@link Firestore} bean): {@code VideoListing} and {@code DeletedVideos} (api),
 * {@code ProfileStore} (api, notifier) and {@code Notifications} (notifier).
 */
@Configuration(proxyBeanMethods = false)
public class HistoryPortsConfiguration {

    @Bean
    public FirestoreVideoListing videoListing(Firestore firestore) {
        return new FirestoreVideoListing(firestore);
    }

    @Bean
    public FirestoreDeletedVideos deletedVideos(Firestore firestore) {
        return new FirestoreDeletedVideos(firestore);
    }

    @Bean
    public FirestoreProfileStore profileStore(Firestore firestore) {
        return new FirestoreProfileStore(firestore);
    }

    @Bean
    public FirestoreNotifications notifications(Firestore firestore) {
        return new FirestoreNotifications(firestore);
    }
}
