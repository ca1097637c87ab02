package app.coherence.analysis.report;

import app.coherence.core.analysis.AnalysisResult;
import app.coherence.core.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;

/** The result as the API serves it (docs/ARCHITECTURE.md, "Data model"), through the project's one JSON mapper. */
public final class JsonReport {

    public String render(AnalysisResult result) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
