package app.coherence.embedded.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * For tests: each emulator started at most once per JVM, on free ports, on first use, and stopped when
 * the JVM exits. Tests isolate themselves by using their own Firestore project id (or {@code clear}).
 *
 * <pre>{@code
 * FirestoreEmulator firestore = EmulatorFixture.firestore();   // firestore.hostPort() = "127.0.0.1:PORT"
 * }</pre>
 * Logs go to {@code target/emulators/} of the module under test.
 */
public final class EmulatorFixture {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Free ports chosen per emulator before giving up: a port taken in between is rare, twice in a row rarer. */
    private static final int PORT_ATTEMPTS = 3;
    private static FirestoreEmulator firestore;
    private static PubSubEmulator pubsub;
    private static AuthEmulator auth;

    private EmulatorFixture() {
    }

    /** The shared Firestore emulator (no rules: admin and rule-less access). */
    public static synchronized FirestoreEmulator firestore() {
        if (firestore == null || !firestore.isRunning()) {
            firestore = started(() -> new FirestoreEmulator(0, dir().resolve("firestore.log")));
        }
        return firestore;
    }

    /** The shared Pub/Sub emulator. */
    public static synchronized PubSubEmulator pubsub() {
        if (pubsub == null || !pubsub.isRunning()) {
            pubsub = started(() -> new PubSubEmulator(0, dir().resolve("pubsub-data"), dir().resolve("pubsub.log")));
        }
        return pubsub;
    }

    /** The shared Firebase Auth emulator, project {@value AuthEmulator#DEFAULT_PROJECT}. */
    public static synchronized AuthEmulator auth() {
        if (auth == null || !auth.isRunning()) {
            auth = started(() -> new AuthEmulator(0, AuthEmulator.DEFAULT_PROJECT, dir().resolve("auth"),
                    dir().resolve("auth.log")));
        }
        return auth;
    }

    /**
     * Starts a fresh emulator; when the free port chosen for it was taken before the emulator bound it (another
     * process's ephemeral port: the emulator exits with "Address already in use"), again on another free port.
     */
    private static <T extends EmulatorProcess> T started(java.util.function.Supplier<T> fresh) {
        for (int attempt = 1; ; attempt++) {
            T emulator = fresh.get();
            try {
                emulator.start(START_TIMEOUT);
                return emulator;
            } catch (EmulatorException e) {
                if (attempt >= PORT_ATTEMPTS || e.getMessage() == null || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    private static Path dir() {
        Path base = Files.isDirectory(Path.of("target"))
                ? Path.of("target", "emulators")
                : Path.of(System.getProperty("java.io.tmpdir"), "coherence-emulators-" + ProcessHandle.current().pid());
        try {
            return Files.createDirectories(base.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
