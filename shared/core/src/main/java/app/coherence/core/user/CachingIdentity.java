package app.coherence.core.user;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens another {@link Identity} has verified, so a client polling or paging does not pay
 * for a verification on every request. An entry lives at most {@code maxAge} and never past the
 * token's own {@code exp}; tokens are keyed by their SHA-256, so the cache holds no usable token.
 * Rejections are not cached: a bad token is always checked again.
 */
public final class CachingIdentity implements Identity {
    private static final int MAX_ENTRIES = 50_000;

    private record Entry(AuthenticatedUser user, Instant until) {
    }

    private final Identity verifier;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public CachingIdentity(Identity verifier, Clock clock, Duration maxAge) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public AuthenticatedUser verify(String idToken) {
        Instant now = clock.instant();
        String key = idToken == null ? null : sha256(idToken);
        Entry hit = key == null ? null : cache.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.user();
        }
        AuthenticatedUser user = verifier.verify(idToken);
        Instant until = now.plus(maxAge);
        Instant exp = expiry(idToken);
        if (exp != null && exp.isBefore(until)) {
            until = exp;
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Entry(user, until));
        return user;
    }

    /** Drops every remembered token of {@code uid} (a closed account): its next request is verified again. */
    public void forget(String uid) {
        cache.values().removeIf(entry -> entry.user().uid().equals(uid));
    }

    /** The {@code exp} claim of a JWT the verifier already accepted; null when unreadable (then maxAge bounds it). */
    static Instant expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode payload = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode exp = payload == null ? null : payload.get("exp");
            return exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
