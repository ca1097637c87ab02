package app.coherence.core.upload;

/** What a client asks for when it wants to upload a talk: POST /v1/uploads. */
public record UploadRequest(String title, String contentType, Long sizeBytes) {
}
