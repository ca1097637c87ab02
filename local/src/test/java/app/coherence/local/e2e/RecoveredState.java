package app.coherence.local.e2e;

import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.AnalysisStore;
import app.coherence.core.quota.Usage;
import app.coherence.core.quota.UsageStore;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import app.coherence.local.e2e.RunningSystem.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After every fault: each video the user has holds at most one result (a completed one exactly one, of
 * its own id), and the month's quota use equals the videos that keep their slot under the fair-quota
 * rule (every video but the failed ones). Read through the core's ports, as the functions read them.
 */
final class RecoveredState {

    private RecoveredState() {
    }

    static void check(ChaosSuite suite, RunningSystem system, String token) throws Exception {
        List<String> ids = allVideos(system, token);
        VideoStore videos = system.bean(VideoStore.class);
        AnalysisStore analyses = system.bean(AnalysisStore.class);
        Map<YearMonth, Integer> keepingSlots = new HashMap<>();
        String uid = null;
        int completed = 0;
        int wrong = 0;
        for (String id : ids) {
            Video video = videos.find(id).orElseThrow();
            uid = video.userId();
            Optional<AnalysisResult> result = analyses.find(id);
            if (video.status() == VideoStatus.COMPLETED) {
                completed++;
                wrong += result.isPresent() && result.get().videoId().equals(id) ? 0 : 1;
            } else {
                wrong += result.isPresent() ? 1 : 0;
            }
            if (video.status() != VideoStatus.FAILED) {
                keepingSlots.merge(Usage.monthOf(video.createdAt()), 1, Integer::sum);
            }
        }
        long distinct = ids.stream().distinct().count();
        suite.row("results after recovery", "each completed video exactly one result of its own, no other video one, listed once",
                completed + " completed of " + ids.size() + " videos (" + distinct + " distinct), " + wrong + " wrong",
                wrong == 0 && distinct == ids.size());
        List<String> months = new ArrayList<>();
        boolean equal = true;
        for (Map.Entry<YearMonth, Integer> month : keepingSlots.entrySet()) {
            int used = system.bean(UsageStore.class).find(uid, month.getKey()).analyses();
            months.add(month.getKey() + ": used " + used + " for " + month.getValue() + " slot-keeping videos");
            equal &= used == month.getValue();
        }
        suite.row("quota after recovery", "month's used = videos keeping a slot (all but the failed ones)",
                String.join("; ", months), equal && !months.isEmpty());
    }

    /** Every video of the user, page by page through the history API. */
    private static List<String> allVideos(RunningSystem system, String token) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = system.get("/v1/videos?limit=100" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), token);
            JsonNode json = page.json();
            json.path("items").forEach(v -> ids.add(v.path("videoId").asText()));
            cursor = json.hasNonNull("nextCursor") ? json.get("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }
}
