package app.coherence.core.video;

import app.coherence.core.error.ErrorCode;

/** Why a video failed, as shown to its owner. */
public record VideoError(ErrorCode code, String message) {
}
