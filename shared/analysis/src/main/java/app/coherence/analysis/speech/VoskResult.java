package app.coherence.analysis.speech;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Reads the words out of one Vosk JSON result ({@code {"result":[{word,start,end,conf}],"text":...}}). */
final class VoskResult {

    private VoskResult() {
    }

    /** The result's words, their times mapped onto the stream's clock by {@code toStream}; "[unk]" is dropped. */
    static List<RecognizedWord> words(String json, DoubleUnaryOperator toStream) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Vosk returned unreadable JSON: " + json, e);
        }
        List<RecognizedWord> words = new ArrayList<>();
        for (JsonNode w : root.path("result")) {
            String text = w.path("word").asText("");
            if (text.isBlank() || "[unk]".equals(text)) {
                continue;
            }
            words.add(new RecognizedWord(text,
                    toStream.applyAsDouble(w.path("start").asDouble()),
                    toStream.applyAsDouble(w.path("end").asDouble()),
                    w.path("conf").asDouble(1.0)));
        }
        return words;
    }
}
