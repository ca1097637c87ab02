package app.coherence.gcp.firestore;

import app.coherence.gcp.Deadlines;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;

/**
 * Builds Firestore clients for GCP (default credentials) and for the emulator (no network, no credentials),
 * each call's retries bounded by {@link Deadlines#FIRESTORE}.
 */
public final class FirestoreClients {

    private FirestoreClients() {
    }

    /** A client of the project's (default) database with Application Default Credentials. */
    public static Firestore forProject(String projectId) {
        return FirestoreOptions.newBuilder().setProjectId(projectId)
                .setRetrySettings(Deadlines.retries(Deadlines.FIRESTORE))
                .build().getService();
    }

    /**
     * A client of the emulator at {@code hostPort} ("127.0.0.1:PORT") with its admin "owner" credentials
     * (they bypass security rules, as the admin SDK does in GCP). Host, plaintext channel and credentials
     * are all set explicitly, so neither FIRESTORE_EMULATOR_HOST nor Application Default Credentials are
     * consulted and nothing leaves the machine.
     */
    public static Firestore forEmulator(String hostPort, String projectId) {
        return FirestoreOptions.newBuilder()
                .setProjectId(projectId)
                .setHost(hostPort)
                .setChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
                        .setEndpoint(hostPort)
                        .setChannelConfigurator(channel -> channel.usePlaintext())
                        .build())
                .setCredentials(new FirestoreOptions.EmulatorCredentials())
                .setCredentialsProvider(FixedCredentialsProvider.create(new FirestoreOptions.EmulatorCredentials()))
                .setRetrySettings(Deadlines.retries(Deadlines.FIRESTORE))
                .build()
                .getService();
    }
}
