package app.coherence.core.analysis;

/** What an analysis produces: the report, and a JPEG thumbnail (may be null when no frame could be taken). */
public record AnalysisOutput(AnalysisResult result, byte[] thumbnailJpeg) {
}
