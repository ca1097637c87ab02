/**
 * The real emulators as child processes: {@link app.coherence.embedded.emulator.FirestoreEmulator}
 * and {@link app.coherence.embedded.emulator.PubSubEmulator} from the Google Cloud CLI, and
 * {@link app.coherence.embedded.emulator.AuthEmulator} from npm firebase-tools (installed by
 * {@code npm ci} in {@code local/emulators}, or COHERENCE_FIREBASE_BIN). Each starts on a free or
 * given port, waits until it answers HTTP, logs to a file, and is stopped with its whole process tree,
 * also when the JVM exits. A missing gcloud, emulator component, node or firebase-tools fails with an
 * {@link app.coherence.embedded.emulator.EmulatorException} saying what to install.
 *
 * <p>Tests use {@link app.coherence.embedded.emulator.EmulatorFixture} (one emulator of each kind per
 * test JVM) and connect with the host it reports, e.g.
 * {@code FirestoreClients.forEmulator(EmulatorFixture.firestore().hostPort(), "demo-" + UUID.randomUUID())};
 * a project id of their own keeps tests apart on the shared Firestore emulator.
 */
package app.coherence.embedded.emulator;
