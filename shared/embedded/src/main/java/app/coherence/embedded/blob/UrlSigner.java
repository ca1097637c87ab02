package app.coherence.embedded.blob;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over the parts of a signed URL: what the server later checks the URL against. */
final class UrlSigner {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    UrlSigner(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the blob URL secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The URL-safe signature of the given fields, joined by newlines (none of them may hold one). */
    String sign(String... fields) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(String.join("\n", fields).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares in constant time, so a forger learns nothing from how fast a wrong signature fails. */
    boolean verify(String signature, String... fields) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(fields).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
