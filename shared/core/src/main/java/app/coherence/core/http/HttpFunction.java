package app.coherence.core.http;

import java.util.function.Function;

/**
 * What every HTTP-facing function of ours is: a request in, a reply out. Spring Cloud Function
 * exposes these as beans; the GCP adapter and the one-machine server only translate transport.
 */
public interface HttpFunction extends Function<HttpCall, HttpReply> {
}
