package app.coherence.function.quota;

import app.coherence.core.http.Authenticator;
import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import app.coherence.core.upload.UploadRequest;
import app.coherence.core.upload.UploadReservation;
import app.coherence.core.upload.UploadService;
import app.coherence.core.user.AuthenticatedUser;
import org.slf4j.MDC;

/** POST /v1/uploads: a signed-in user reserves an upload slot and gets the URL to PUT the video to. */
public class UploadsFunction {
    private final Authenticator authenticator;
    private final UploadService uploads;

    public UploadsFunction(Authenticator authenticator, UploadService uploads) {
        this.authenticator = authenticator;
        this.uploads = uploads;
    }

    /** 201 {videoId, uploadUrl, expiresAt}; errors as the UploadService's ErrorCodes. */
    public HttpReply reserve(HttpCall call) {
        AuthenticatedUser user = authenticator.authenticate(call);
        try (var ignored = MDC.putCloseable("userId", user.uid())) {
            UploadRequest request = call.jsonBody(UploadRequest.class);
            UploadReservation reservation = uploads.reserve(user, request);
            return HttpReply.json(201, reservation);
        }
    }
}
