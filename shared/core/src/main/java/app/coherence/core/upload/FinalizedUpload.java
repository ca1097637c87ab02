package app.coherence.core.upload;

/** A storage object that finished uploading: the "object finalized" event, stripped of transport. */
public record FinalizedUpload(String bucket, String path, long sizeBytes, String contentType) {
}
