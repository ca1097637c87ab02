package app.coherence.embedded.blob;

/** How much of a resumable upload has arrived: {@code received} of {@code total} bytes, and whether it is stored. */
public record UploadProgress(long received, long total, boolean complete) {
}
