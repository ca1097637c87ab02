package app.coherence.local.e2e;

import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import app.coherence.embedded.emulator.EmulatorProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An emulator (Firestore, Pub/Sub or Auth) killed while an upload's analysis is running: the analysis
 * must end completed or failed with a code, never hang, and either finish its attempt or give the lease
 * back so a retry takes over. One row of the chaos table per emulator.
 */
final class EmulatorsMidAnalysis {
    /** How far the analysis gets before the kill: past the download, inside the decode. */
    private static final int KILL_AT_PERCENT = 10;
    /** Longer than this is a hang: a few retries with their backoff, an emulator restart, one more analysis. */
    private static final Duration ENDS_WITHIN = Duration.ofMinutes(4);
    /** Uploads tried until one is caught under way. */
    private static final int TRIES = 3;

    private final ChaosSuite suite;

    EmulatorsMidAnalysis(ChaosSuite suite) {
        this.suite = suite;
    }

    void kill(RunningSystem system, String token, EmulatorProcess emulator, byte[] talk) throws Exception {
        VideoStore videos = system.bean(VideoStore.class);
        String videoId = null;
        String atKill = null;
        // an analysis that ended before it was seen under way is no mid-analysis kill: another upload is
        // tried (the short talk can finish between two looks on a quick machine)
        for (int tries = 0; tries < TRIES && (atKill == null || atKill.startsWith("already")); tries++) {
            if (videoId != null) {
                system.awaitEnd(token, videoId, ENDS_WITHIN);
            }
            videoId = suite.upload(system, token, emulator.name() + " killed mid-analysis", talk);
            atKill = awaitAnalysing(videos, videoId);
        }
        List<ProcessHandle> tree = emulator.processTree();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
        long killed = System.nanoTime();
        JsonNode end = system.awaitEnd(token, videoId, ENDS_WITHIN);
        long seconds = (System.nanoTime() - killed) / 1_000_000_000;
        String status = end == null ? "" : end.path("status").asText();
        String code = end == null ? "" : end.path("error").path("code").asText();
        boolean ended = status.equals("completed") || (status.equals("failed") && !code.isEmpty());
        Optional<Video> stored = videos.find(videoId);
        int attempts = stored.map(Video::attempts).orElse(-1);
        boolean leaseFree = stored.map(v -> v.leaseUntil() == null).orElse(false);
        suite.row(emulator.name() + " emulator killed mid-analysis (" + atKill + ")",
                "ends completed or failed with a code within " + ENDS_WITHIN.toMinutes() + " min; lease given back or job retried",
                (ended ? status + (code.isEmpty() ? "" : " " + code) : "not ended (" + status + ")") + " " + seconds
                        + " s after the kill, " + attempts + " attempt(s), lease " + (leaseFree ? "free" : "held"),
                ended && (attempts > 1 || leaseFree || status.equals("completed")));
    }

    /** Waits until the video's analysis is under way; returns its stage and percent then. */
    private static String awaitAnalysing(VideoStore videos, String videoId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until) {
            Optional<Video> video = videos.find(videoId);
            if (video.isPresent() && video.get().status() == VideoStatus.PROCESSING && video.get().progress() != null
                    && video.get().progress().percent() >= KILL_AT_PERCENT) {
                return video.get().progress().stage() + " " + video.get().progress().percent() + "%";
            }
            if (video.isPresent() && video.get().status().isTerminal()) {
                return "already " + video.get().status().wireName();
            }
            Thread.sleep(50);
        }
        return "analysis not started in 3 min";
    }
}
