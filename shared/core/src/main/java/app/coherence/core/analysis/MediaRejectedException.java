package app.coherence.core.analysis;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;

/** The file itself cannot be analysed (not a video, no audio, too long or short): retrying will not help. */
public class MediaRejectedException extends CoherenceException {

    public MediaRejectedException(ErrorCode code, String message) {
        super(code, message);
        if (!code.isMediaRejection()) {
            throw new IllegalArgumentException(code + " is not a media rejection code");
        }
    }
}
