package app.coherence.core.profile;

import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.analysis.AnalysisStore;
import app.coherence.core.analysis.DissonanceFlag;
import app.coherence.core.analysis.TranscriptSegment;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.job.AnalysisEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps users' stats up to date from analysis-events: a completed analysis is counted once per video
 * (redeliveries change nothing); a failed one leaves a notice for the user.
 */
public class AnalysisEventRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisEventRecorder.class);

    private final ProfileStore profiles;
    private final AnalysisStore analyses;
    private final Notifications notifications;
    private final Clock clock;

    public AnalysisEventRecorder(ProfileStore profiles, AnalysisStore analyses, Notifications notifications, Clock clock) {
        this.profiles = profiles;
        this.analyses = analyses;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Handles one event; unknown types are logged and ignored (never retried). */
    public void record(AnalysisEvent event) {
        if (event.videoId() == null || event.userId() == null) {
            LOG.warn("analysis event without videoId or userId ignored: {}", event);
            return;
        }
        try (var ignored = MDC.putCloseable("videoId", event.videoId());
             var ignored2 = MDC.putCloseable("userId", event.userId())) {
            switch (event.type() == null ? AnalysisEvent.Type.UNKNOWN : event.type()) {
                case COMPLETED -> completed(event);
                case FAILED -> failed(event);
                case UNKNOWN -> LOG.warn("analysis event of unknown type ignored");
            }
        }
    }

    private void completed(AnalysisEvent event) {
        Optional<AnalysisResult> result = analyses.find(event.videoId());
        Integer score = event.coherenceScore() != null ? event.coherenceScore()
                : result.map(AnalysisResult::coherenceScore).orElse(null);
        if (score == null) {
            LOG.warn("completed event without a score and no stored result; not counted");
            return;
        }
        Map<String, Integer> fillers = result.map(AnalysisEventRecorder::fillerWords).orElse(Map.of());
        Map<String, Integer> flags = result.map(AnalysisEventRecorder::flagTypes).orElse(Map.of());
        Instant at = event.occurredAt() != null ? event.occurredAt() : clock.instant();
        boolean counted = profiles.countAnalysis(event.userId(), event.videoId(),
                stats -> stats.withAnalysis(score, at, fillers, flags));
        LOG.info(counted ? "stats updated with score {}" : "analysis with score {} was already counted", score);
    }

    private void failed(AnalysisEvent event) {
        ErrorCode code = event.errorCode() == null ? ErrorCode.INTERNAL : event.errorCode();
        String message = event.errorMessage() == null ? "the analysis failed" : event.errorMessage();
        boolean added = notifications.add(FailureNotice.of(event.userId(), event.videoId(), code.name(), message,
                event.occurredAt() != null ? event.occurredAt() : clock.instant()));
        LOG.info(added ? "failure notice stored ({})" : "failure notice already stored ({})", code);
    }

    static Map<String, Integer> fillerWords(AnalysisResult result) {
        Map<String, Integer> counts = new TreeMap<>();
        if (result.transcript() != null) {
            for (TranscriptSegment segment : result.transcript()) {
                if (segment.words() == null) {
                    continue;
                }
                for (TranscriptSegment.Word w : segment.words()) {
                    if (w.filler() && w.word() != null && !w.word().isBlank()) {
                        counts.merge(w.word().strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    static Map<String, Integer> flagTypes(AnalysisResult result) {
        Map<String, Integer> counts = new TreeMap<>();
        if (result.dissonanceFlags() != null) {
            for (DissonanceFlag f : result.dissonanceFlags()) {
                if (f.type() != null) {
                    counts.merge(f.type().name(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
