package app.coherence.gcp.firestore;

import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.embedded.emulator.FirestoreEmulator;
import com.google.cloud.firestore.Firestore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A Firestore emulator for tests with an admin client of a project of its own: the emulator's
 * "owner" credentials bypass rules, as the admin SDK does in GCP. Either the JVM's shared emulator
 * (no rules) or one of its own started with a rules file.
 */
public final class FirestoreTestEmulator implements AutoCloseable {
    private final FirestoreEmulator emulator;
    private final boolean own;
    private final String projectId;
    private final Firestore admin;

    private FirestoreTestEmulator(FirestoreEmulator emulator, boolean own) {
        this.emulator = emulator;
        this.own = own;
        this.projectId = "demo-test-" + UUID.randomUUID().toString().substring(0, 8);
        this.admin = client(emulator.hostPort(), projectId);
    }

    /** The JVM's shared emulator (no rules), with a fresh project. */
    public static FirestoreTestEmulator shared() {
        return new FirestoreTestEmulator(EmulatorFixture.firestore(), false);
    }

    /** A new emulator enforcing {@code rules}; stopped by {@link #close()}. */
    public static FirestoreTestEmulator withRules(Path rules, Path logFile) {
        FirestoreEmulator emulator = new FirestoreEmulator(0, logFile).rules(rules);
        emulator.start(Duration.ofSeconds(120));
        return new FirestoreTestEmulator(emulator, true);
    }

    /** An admin client of {@code projectId} on the emulator at {@code hostPort}. */
    public static Firestore client(String hostPort, String projectId) {
        return FirestoreClients.forEmulator(hostPort, projectId);
    }

    public Firestore admin() {
        return admin;
    }

    public String hostPort() {
        return emulator.hostPort();
    }

    public String projectId() {
        return projectId;
    }

    @Override
    public void close() throws Exception {
        admin.close();
        if (own) {
            emulator.stop();
        }
    }
}
