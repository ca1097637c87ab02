package app.coherence.local.e2e;

import app.coherence.local.e2e.RunningSystem.Reply;
import app.coherence.local.e2e.SystemProcess.Session;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * SIGKILL of the Java process at each point an upload passes through, then a start over the same data
 * directory (as after a crash): every upload the client was told about (a 2xx) must end completed or
 * failed with a code, once, with the quota counting exactly the videos that keep a slot, no orphaned
 * file, and the sign-in made before the first kill still valid. Rows go into the chaos table.
 */
final class HardKills {
    /** Where in an upload's life the process is killed. */
    enum Point {
        AFTER_RESERVE("right after a burst of reservations answered 201"),
        DURING_UPLOAD("during an upload (half the bytes sent)"),
        RIGHT_AFTER_UPLOAD("right after an upload answered 200"),
        MID_ANALYSIS("mid-analysis"),
        DURING_COMPLETION("during completion (analysis at its scoring stage)");

        final String words;

        Point(String words) {
            this.words = words;
        }
    }

    /**
     * Two kills: four videos at four points at once (one analysing, one just uploaded, one half sent, a
     * burst just reserved), then one whose analysis is completing. Each start costs tens of seconds.
     */
    static final List<List<Point>> ROUNDS = List.of(
            List.of(Point.MID_ANALYSIS, Point.AFTER_RESERVE, Point.RIGHT_AFTER_UPLOAD, Point.DURING_UPLOAD),
            List.of(Point.DURING_COMPLETION));

    /** Reservations answered just before the kill at {@link Point#AFTER_RESERVE}: all must survive. */
    static final int BURST = 10;
    private static final String PASSWORD = "hard-kill-password";
    private static final String[] ARGS = {"--QUOTA_FREE_PER_MONTH=1000", "--QUOTA_UPLOADS_PER_DAY=1000",
            // a killed attempt's lease must run out soon for the restarted run to take the video over
            "--coherence.job-lease=10s", "--coherence.task-min-backoff=1s", "--coherence.task-max-backoff=5s",
            "--coherence.task-max-attempts=20"};

    private final ChaosSuite suite;
    private final byte[] longTalk;
    private final byte[] shortTalk;
    private final Map<String, Tracked> videos = new LinkedHashMap<>();
    private SystemProcess current;
    private int acknowledged;
    private int starts;
    /** The UTC day the run began: a run across midnight skips the day's upload count. */
    private final LocalDate firstDay = LocalDate.now(ZoneOffset.UTC);

    /** One video the client reserved: its upload URL, and whether its PUT was answered 200. */
    private static final class Tracked {
        final String videoId;
        final String uploadUrl;
        final byte[] body;
        boolean uploaded;
        String atKill = "";

        Tracked(String videoId, String uploadUrl, byte[] body) {
            this.videoId = videoId;
            this.uploadUrl = uploadUrl;
            this.body = body;
        }
    }

    HardKills(ChaosSuite suite, byte[] longTalk, byte[] shortTalk) {
        this.suite = suite;
        this.longTalk = longTalk;
        this.shortTalk = shortTalk;
    }

    /** Runs each round (the points are reached in order, then one SIGKILL), each followed by a restart. */
    void run(Path dir, List<List<Point>> rounds) throws Exception {
        Path data = dir.resolve("hard-kill-data");
        current = SystemProcess.start(data, dir.resolve("hard-kill-" + starts++ + ".log"), ARGS);
        try {
            Session before = current.signIn("hard-kill@example.com", PASSWORD);
            for (List<Point> round : rounds) {
                round(before.idToken(), data, dir, round);
            }
            sessionSurvived(current, before);
            afterRecovery(current, before.idToken(), data);
        } finally {
            current.close();
            endOrphanedEmulators(data);
        }
    }

    private void round(String token, Path data, Path dir, List<Point> round) throws Exception {
        SystemProcess system = current;
        List<Tracked> inRound = new ArrayList<>();
        List<Socket> halfSent = new ArrayList<>();
        Map<Point, List<Tracked>> byPoint = new LinkedHashMap<>();
        for (Point point : round) {
            byPoint.put(point, reach(system, token, point, halfSent));
            inRound.addAll(byPoint.get(point));
        }
        system.kill();
        for (Socket socket : halfSent) {
            socket.close();
        }
        long restarting = System.nanoTime();
        current = SystemProcess.start(data, dir.resolve("hard-kill-" + starts++ + ".log"), ARGS);
        system = current;
        long restartSeconds = (System.nanoTime() - restarting) / 1_000_000_000;
        for (Tracked t : inRound) {
            if (!t.uploaded && t.atKill.startsWith("upload")) {
                // the client never got its 200: it sends the file again to the same signed URL
                // the same signed URL; only the port differs, as each test start takes a free one
                URI signed = URI.create(t.uploadUrl);
                Reply put = system.put(system.baseUrl() + signed.getRawPath() + "?" + signed.getRawQuery(), "video/mp4", t.body);
                t.uploaded = put.status() == 200;
                t.atKill += ", re-sent: " + put.status();
            }
        }
        for (Map.Entry<Point, List<Tracked>> entry : byPoint.entrySet()) {
            int lost = 0;
            int ended = 0;
            List<String> outcomes = new ArrayList<>();
            for (Tracked t : entry.getValue()) {
                Reply first = system.get("/v1/videos/" + t.videoId, token);
                lost += first.status() == 404 ? 1 : 0;
                if (!t.uploaded) {
                    continue; // a reservation of the burst that the client never uploads: it must only survive
                }
                JsonNode end = system.awaitEnd(token, t.videoId, Duration.ofMinutes(4));
                String status = end == null ? "not ended" : end.path("status").asText();
                String code = end == null ? "" : end.path("error").path("code").asText();
                ended += status.equals("completed") || (status.equals("failed") && !code.isEmpty()) ? 1 : 0;
                outcomes.add(t.atKill + " -> " + status + (code.isEmpty() ? "" : " " + code));
            }
            long uploads = entry.getValue().stream().filter(t -> t.uploaded).count();
            suite.row("SIGKILL of the Java process " + entry.getKey().words,
                    "after a restart: nothing acknowledged lost, every upload completed or failed with a code",
                    entry.getValue().size() + " acknowledged, " + lost + " lost; " + ended + " of " + uploads + " ended ("
                            + String.join("; ", outcomes) + "); restart " + restartSeconds + " s",
                    lost == 0 && ended == uploads);
        }
    }

    /** Brings new video(s) to {@code point}; returns them (a socket left half-sent goes into {@code halfSent}). */
    private List<Tracked> reach(SystemProcess system, String token, Point point, List<Socket> halfSent) throws Exception {
        return switch (point) {
            case AFTER_RESERVE -> {
                List<Tracked> burst = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    burst.add(reserve(system, token, "Reserved " + i, shortTalk));
                }
                burst.get(0).atKill = "upload not started"; // this one the client uploads after the restart
                yield burst;
            }
            case DURING_UPLOAD -> {
                Tracked t = reserve(system, token, "Half sent", shortTalk);
                URI uri = URI.create(t.uploadUrl);
                Socket socket = new Socket(uri.getHost(), uri.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: video/mp4\r\nContent-Length: " + t.body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(t.body, 0, t.body.length / 2);
                out.flush();
                halfSent.add(socket);
                Thread.sleep(300); // the server has the bytes in its part file
                t.atKill = "upload half sent";
                yield List.of(t);
            }
            case RIGHT_AFTER_UPLOAD -> {
                Tracked t = reserve(system, token, "Just uploaded", shortTalk);
                t.uploaded = system.put(t.uploadUrl, "video/mp4", t.body).status() == 200;
                acknowledged += t.uploaded ? 1 : 0;
                t.atKill = "uploaded";
                yield List.of(t);
            }
            case MID_ANALYSIS -> List.of(analysing(system, token, "Mid-analysis", v -> v.path("progress").path("percent").asInt() >= 20));
            case DURING_COMPLETION -> List.of(analysing(system, token, "Completing",
                    v -> v.path("progress").path("stage").asText().equals("scoring")));
        };
    }

    private Tracked analysing(SystemProcess system, String token, String title, java.util.function.Predicate<JsonNode> reached)
            throws Exception {
        Tracked t = reserve(system, token, title, longTalk);
        t.uploaded = system.put(t.uploadUrl, "video/mp4", t.body).status() == 200;
        acknowledged += t.uploaded ? 1 : 0;
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        JsonNode video = null;
        while (System.nanoTime() < until) {
            video = system.get("/v1/videos/" + t.videoId, token).json();
            String status = video.path("status").asText();
            if (status.equals("completed") || status.equals("failed") || (status.equals("processing") && reached.test(video))) {
                break;
            }
            Thread.sleep(100);
        }
        t.atKill = video == null ? "unknown" : video.path("status").asText() + " " + video.path("progress").path("stage").asText()
                + " " + video.path("progress").path("percent").asInt() + "%";
        return t;
    }

    private Tracked reserve(SystemProcess system, String token, String title, byte[] body) throws Exception {
        Reply reserved = system.postJson("/v1/uploads", token, Map.of("title", title, "contentType", "video/mp4", "sizeBytes", body.length));
        if (reserved.status() != 201) {
            throw new IllegalStateException("reservation refused: " + reserved.status() + " " + reserved.body());
        }
        acknowledged++;
        Tracked t = new Tracked(reserved.json().path("videoId").asText(), reserved.json().path("uploadUrl").asText(), body);
        videos.put(t.videoId, t);
        return t;
    }

    /** The ID token and refresh token issued before the first kill, after the last restart. */
    private void sessionSurvived(SystemProcess system, Session before) throws Exception {
        int api = system.get("/v1/videos?limit=1", before.idToken()).status();
        Reply lookup = system.lookup(before.idToken());
        boolean sameUser = lookup.status() == 200 && lookup.json().path("users").path(0).path("localId").asText().equals(before.uid());
        Reply refreshed = system.refresh(before.refreshToken());
        String fresh = refreshed.status() == 200 ? refreshed.json().path("id_token").asText() : "";
        int apiFresh = fresh.isEmpty() ? 0 : system.get("/v1/videos?limit=1", fresh).status();
        suite.row("ID token and session from before the kills, after " + (starts - 1) + " restart(s)",
                "API 200, the Auth emulator knows the token (lookup 200, same uid), refresh gives a token the API takes",
                "API " + api + ", lookup " + lookup.status() + (sameUser ? " same uid" : " " + lookup.body().strip())
                        + ", refresh " + refreshed.status() + ", API with the refreshed token " + apiFresh,
                api == 200 && sameUser && apiFresh == 200);
    }

    private void afterRecovery(SystemProcess system, String token, Path data) throws Exception {
        int holdSlots = 0;
        int results = 0;
        int wrongResults = 0;
        for (Tracked t : videos.values()) {
            JsonNode video = system.get("/v1/videos/" + t.videoId, token).json();
            String status = video.path("status").asText();
            holdSlots += status.equals("failed") ? 0 : 1;
            int analysis = system.get("/v1/videos/" + t.videoId + "/analysis", token).status();
            results += analysis == 200 ? 1 : 0;
            // a completed video has its one result (analyses/{videoId}); any other none
            wrongResults += (status.equals("completed") ? analysis != 200 : analysis == 200) ? 1 : 0;
        }
        Reply list = system.get("/v1/videos?limit=100", token);
        List<String> listed = new ArrayList<>();
        list.json().path("items").forEach(v -> listed.add(v.path("videoId").asText()));
        long distinct = listed.stream().distinct().count();
        suite.row("results after the kills", "each completed video exactly one result, listed once; no other result",
                results + " results for " + videos.size() + " videos, " + wrongResults + " wrong; listed " + listed.size()
                        + " (" + distinct + " distinct)",
                wrongResults == 0 && listed.size() == videos.size() && distinct == listed.size());
        JsonNode usage = system.get("/v1/usage", token).json().path("used");
        int used = usage.path("analysesThisMonth").asInt(-1);
        int today = usage.path("uploadsToday").asInt(-1);
        suite.row("quota after the kills", "month's used = videos keeping a slot (all but failed); today's uploads = reservations",
                "used " + used + " for " + holdSlots + " slot-keeping videos; uploads today " + today + " for " + videos.size()
                        + " reservations",
                used == holdSlots && (today == videos.size() || !LocalDate.now(ZoneOffset.UTC).equals(firstDay)));
        int orphans = 0;
        Path uploads = data.resolve("blobs/uploads");
        if (Files.isDirectory(uploads)) {
            try (Stream<Path> files = Files.walk(uploads)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    orphans += system.get("/v1/videos/" + name, token).status() == 200 ? 0 : 1;
                }
            }
        }
        long parts;
        try (Stream<Path> files = Files.list(data.resolve("blobs/.incoming"))) {
            parts = files.count();
        }
        suite.row("stored files after the kills", "none without its video, no partial upload left",
                orphans + " orphaned, " + parts + " partial", orphans == 0 && parts == 0);
        int lost = lostOf(system, token);
        suite.row("acknowledged writes across " + (starts - 1) + " SIGKILL(s)", "none lost",
                acknowledged + " acknowledged (reservations 201, uploads 200), " + lost + " lost", lost == 0);
    }

    private int lostOf(SystemProcess system, String token) throws Exception {
        int lost = 0;
        for (Tracked t : videos.values()) {
            lost += system.get("/v1/videos/" + t.videoId, token).status() == 404 ? 1 : 0;
        }
        return lost;
    }

    /** A killed run's emulator children outlive it; the next start ends them, and after the last run we do. */
    private static void endOrphanedEmulators(Path data) throws Exception {
        Path pids = data.resolve("emulator-pids");
        if (Files.isRegularFile(pids)) {
            for (String line : Files.readAllLines(pids)) {
                if (!line.isBlank()) {
                    ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }
}
