package app.coherence.core.billing;

import java.time.Instant;

/** The identity of one Stripe event: its id (applied at most once), type and creation time (orders state). */
public record StripeEventRef(String id, String type, Instant created) {
}
