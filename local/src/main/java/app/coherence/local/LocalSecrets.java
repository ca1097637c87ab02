package app.coherence.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The secrets of the local system: configured, or generated (and for the blob key, kept in the data dir). */
final class LocalSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {
    }

    /**
     * The blob URL key: the configured one, else the one kept in {@code dataDir/blob-secret}, else a new
     * one written there, so URLs handed out before a restart still work after it.
     */
    static byte[] blobSecret(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve("blob-secret");
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file).strip();
                if (kept.length() >= 32) {
                    return kept.getBytes(StandardCharsets.UTF_8);
                }
            }
            Files.createDirectories(dataDir);
            String fresh = random();
            Path temp = Files.createTempFile(dataDir, "blob-secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, fresh);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return fresh.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the blob URL secret in " + file, e);
        }
    }

    /** The task secret: the configured one, else a random one for this run. */
    static String taskSecret(String configured) {
        return configured != null && !configured.isBlank() ? configured : random();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
