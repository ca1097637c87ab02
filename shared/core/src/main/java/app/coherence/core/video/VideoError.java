package app.coherence.core.video;

/** Why a video failed, as shown to its owner. */
public record VideoError(String code, String message) {
}
