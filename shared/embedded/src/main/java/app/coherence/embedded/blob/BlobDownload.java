package app.coherence.embedded.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a signed GET URL answers: the whole object (200), one byte range of it (206), or an
 * unsatisfiable range (416, no body). {@code offset}/{@code length} select the bytes to send.
 */
public record BlobDownload(int status, String contentType, long offset, long length, long totalSize, Path file) {

    /** The Content-Range header value for 206 and 416 replies, or null for a whole-object reply. */
    public String contentRange() {
        return switch (status) {
            case 206 -> "bytes " + offset + "-" + (offset + length - 1) + "/" + totalSize;
            case 416 -> "bytes */" + totalSize;
            default -> null;
        };
    }

    /** Copies the selected bytes to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        if (length == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            InputStream in = Channels.newInputStream(channel);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
