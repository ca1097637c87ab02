package app.coherence.core.analysis;

/** One moment where what the speaker says and what the video shows disagree, with evidence and a tip. */
public record DissonanceFlag(
        String id,
        FlagType type,
        Severity severity,
        double timestamp,
        double endTimestamp,
        String description,
        String coaching,
        String verbalEvidence,
        String visualEvidence,
        String vocalEvidence) {
}
