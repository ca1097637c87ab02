package app.coherence.analysis.language;

import java.util.List;
import java.util.Set;

/** The word lists the language features rest on (lower case; phrases as space-separated words). */
public final class Lexicon {
    /** Always fillers. */
    public static final Set<String> FILLERS = Set.of("um", "uh", "er", "erm", "ah", "hmm", "hm", "uhm", "umm", "mm");
    /** Fillers only when isolated by a pause or at a clause start. */
    public static final List<String> POSITIONAL_FILLERS = List.of("you know", "i mean", "kind of", "sort of",
            "like", "so", "basically", "actually");
    /** What recognisers make of a real "um"/"uh": turned into a filler when the voice says filled pause. */
    public static final Set<String> FILLER_CONFUSIONS = Set.of("am", "i'm", "on", "an", "a", "oh", "huh", "and", "the", "uh-huh", "m", "or", "her", "err");
    public static final List<String> HEDGES = List.of("i think", "i guess", "i believe", "i feel like", "maybe",
            "perhaps", "probably", "possibly", "somewhat", "kind of", "sort of", "a little bit");
    /** Longest first, so "as you can see" wins over "you can see" and "here". */
    public static final List<String> DEICTIC = List.of("as you can see", "here you can see", "take a look at",
            "you can see", "look at this", "look at that", "this chart", "this graph", "this slide", "this diagram",
            "this picture", "this number", "over here", "right here", "here");
    public static final Set<String> EMPHASIS = Set.of("critical", "crucial", "important", "key", "essential", "vital",
            "significant", "really", "absolutely", "biggest", "huge", "major", "must", "never");
    public static final Set<String> EMOTION = Set.of("excited", "exciting", "thrilled", "love", "amazing", "incredible",
            "proud", "happy", "delighted", "fantastic", "wonderful", "passionate", "awesome", "thrilling");
    /** Words a sentence rarely ends on: a long silence after one is a pause mid-sentence. */
    public static final Set<String> CONTINUES = Set.of("the", "a", "an", "to", "of", "and", "or", "but", "with", "for",
            "in", "on", "at", "by", "from", "our", "my", "your", "their", "its", "is", "are", "was", "were", "will",
            "would", "can", "could", "should", "that", "which", "these", "those", "very", "because", "as", "than",
            "into", "about", "we", "i", "you", "they", "he", "she", "this", "if", "when", "so", "then", "have", "has");

    private Lexicon() {
    }
}
