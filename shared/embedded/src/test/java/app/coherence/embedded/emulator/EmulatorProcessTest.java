package app.coherence.embedded.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorProcessTest {
    private static final Duration START = Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void firestore_shouldKeepDataAcrossRestartThroughExportOnStop() throws Exception {
        Path exportDir = tmp.resolve("export");
        FirestoreEmulator first = new FirestoreEmulator(0, tmp.resolve("fs1.log")).exportOnStop("demo-restart", exportDir);
        first.start(START);
        assertThat(put(first, "demo-restart", "videos", "v1", "kept")).isEqualTo(200);
        List<ProcessHandle> tree = first.processTree();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(2);
        first.stop();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(FirestoreEmulator.exportMetadata(exportDir)).isPresent();

        try (FirestoreEmulator second = new FirestoreEmulator(0, tmp.resolve("fs2.log")).importFrom(exportDir)) {
            second.start(START);
            HttpResponse<String> doc = get(second, "demo-restart", "videos", "v1");
            assertThat(doc.statusCode()).isEqualTo(200);
            assertThat(doc.body()).contains("kept");
        }
    }

    @Test
    void firestore_exportShouldReplaceTheEarlierExportOnlyWhenComplete() throws Exception {
        Path exportDir = tmp.resolve("export");
        try (FirestoreEmulator emulator = new FirestoreEmulator(0, tmp.resolve("fs.log"))) {
            emulator.start(START);
            put(emulator, "demo-twice", "videos", "a", "first");
            emulator.export("demo-twice", exportDir);
            put(emulator, "demo-twice", "videos", "b", "second");
            emulator.export("demo-twice", exportDir);

            try (var entries = Files.list(tmp)) {
                assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("export", "fs.log");
            }
            try (var exports = Files.list(exportDir)) {
                assertThat(exports.count()).isEqualTo(1);
            }
        }
    }

    @Test
    void pubsub_shouldAnswerAndLeaveNoProcessBehind() throws Exception {
        PubSubEmulator emulator = new PubSubEmulator(0, tmp.resolve("data"), tmp.resolve("pubsub.log"));
        emulator.start(START);
        HttpResponse<String> topic = http.send(HttpRequest.newBuilder(
                        URI.create("http://" + emulator.hostPort() + "/v1/projects/demo-p/topics/analysis-events"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(topic.statusCode()).isEqualTo(200);
        List<ProcessHandle> tree = emulator.processTree();
        emulator.stop();
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(emulator.isRunning()).isFalse();
    }

    @Test
    void jvmExit_shouldStopTheEmulatorTree() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, ExitingJvmMain.class.getName(), tmp.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("jvm.log").toFile()).start();
        assertThat(jvm.waitFor(150, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as(Files.readString(tmp.resolve("jvm.log"))).isZero();

        List<Long> tree = Files.readAllLines(tmp.resolve("pids")).stream().map(Long::parseLong).toList();
        assertThat(tree).hasSizeGreaterThanOrEqualTo(2);
        assertThat(tree).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void pubsub_onABusyPort_shouldFailAtOnce() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PubSubEmulator emulator = new PubSubEmulator(busy.getLocalPort(), tmp.resolve("data"), tmp.resolve("busy.log"));
            assertThatThrownBy(() -> emulator.start(Duration.ofSeconds(60)))
                    .isInstanceOf(EmulatorException.class)
                    .hasMessageContaining("port " + busy.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("pubsub emulator");
            assertThat(emulator.isRunning()).isFalse();
        }
    }

    @Test
    void auth_shouldSignInUsersWithRealTokens() {
        try (AuthEmulator emulator = new AuthEmulator(0, "demo-launcher", tmp.resolve("auth"), tmp.resolve("auth.log"))) {
            emulator.start(START);
            AuthEmulator.SignedIn created = emulator.signIn("ada@example.com", "secret-1");
            AuthEmulator.SignedIn again = emulator.signIn("ada@example.com", "secret-1");

            assertThat(created.idToken()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]*");
            assertThat(again.uid()).isEqualTo(created.uid());
            assertThatThrownBy(() -> emulator.signIn("ada@example.com", "wrong-password"))
                    .isInstanceOf(EmulatorException.class).hasMessageContaining("ada@example.com");
            List<ProcessHandle> tree = emulator.processTree();
            emulator.stop();
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    void firebaseBinary_withoutInstalledTools_shouldSayHowToInstall() throws Exception {
        assertThatThrownBy(() -> AuthEmulator.firebaseBinary(null, tmp))
                .isInstanceOf(EmulatorException.class).hasMessageContaining("npm ci");
        Files.createDirectories(tmp.resolve("repo/local/emulators"));
        Files.writeString(tmp.resolve("repo/local/emulators/package.json"), "{}");
        assertThatThrownBy(() -> AuthEmulator.firebaseBinary(null, tmp.resolve("repo/shared/gcp")))
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("npm ci` in " + tmp.resolve("repo/local/emulators"));
        assertThatThrownBy(() -> AuthEmulator.firebaseBinary("/no/such/firebase", tmp))
                .isInstanceOf(EmulatorException.class).hasMessageContaining("COHERENCE_FIREBASE_BIN");
    }

    @Test
    void gcloud_missingOrWithoutComponent_shouldSayWhatToInstall() throws Exception {
        assertThatThrownBy(() -> GcloudSdk.locate(null, tmp.toString()))
                .isInstanceOf(EmulatorException.class).hasMessageContaining("gcloud not found");
        Path bin = Files.createDirectories(tmp.resolve("sdk/bin"));
        Path gcloud = Files.writeString(bin.resolve("gcloud"), "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(gcloud, PosixFilePermissions.fromString("rwxr-xr-x"));
        GcloudSdk sdk = GcloudSdk.locate(null, bin.toString());
        assertThatThrownBy(() -> sdk.requireComponent("cloud-firestore-emulator", "cloud-firestore-emulator", "x"))
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("gcloud components install cloud-firestore-emulator");
    }

    @Test
    void firestore_withMissingRulesFile_shouldBeRefused() {
        FirestoreEmulator emulator = new FirestoreEmulator(0, tmp.resolve("fs.log"));
        assertThatThrownBy(() -> emulator.rules(tmp.resolve("missing.rules")))
                .isInstanceOf(EmulatorException.class).hasMessageContaining("missing.rules");
    }

    /** A stand-in child process, to check the launcher's own failure handling. */
    private static final class ShellProcess extends EmulatorProcess {
        private final String script;

        ShellProcess(String script, Path log) {
            super("shell", FreePorts.pick(), log);
            this.script = script;
        }

        @Override
        protected List<String> command() {
            return List.of("sh", "-c", script);
        }
    }

    @Test
    void processDyingBeforeReady_shouldFailWithItsExitCodeAndLogTail() {
        ShellProcess process = new ShellProcess("echo component missing; exit 3", tmp.resolve("dies.log"));
        assertThatThrownBy(() -> process.start(Duration.ofSeconds(20)))
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("exited with code 3 before it was ready")
                .hasMessageContaining("component missing");
    }

    @Test
    void processNeverReady_shouldTimeOutAndBeKilledWithItsChildren() throws Exception {
        Path pids = tmp.resolve("pids");
        ShellProcess process = new ShellProcess("sleep 300 & echo $! > " + pids + "; echo $$ >> " + pids + "; wait",
                tmp.resolve("hangs.log"));
        assertThatThrownBy(() -> process.start(Duration.ofSeconds(2)))
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("was not ready on " + process.hostPort() + " within 2 s");
        List<Long> started = Files.readAllLines(pids).stream().map(Long::parseLong).toList();
        assertThat(started).hasSize(2);
        assertThat(started).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    private int put(FirestoreEmulator emulator, String project, String collection, String id, String value)
            throws Exception {
        String body = "{\"fields\":{\"title\":{\"stringValue\":\"" + value + "\"}}}";
        return http.send(HttpRequest.newBuilder(URI.create("http://" + emulator.hostPort() + "/v1/projects/" + project
                                + "/databases/(default)/documents/" + collection + "?documentId=" + id))
                        .header("Authorization", "Bearer owner").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> get(FirestoreEmulator emulator, String project, String collection, String id)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + emulator.hostPort() + "/v1/projects/" + project
                        + "/databases/(default)/documents/" + collection + "/" + id))
                .header("Authorization", "Bearer owner").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
