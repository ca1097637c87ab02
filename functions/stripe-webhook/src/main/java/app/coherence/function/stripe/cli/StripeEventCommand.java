package app.coherence.function.stripe.cli;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./coherence stripe-event TYPE [--user EMAIL] [--plan P]}: builds a realistic Stripe event,
 * signs it with the local webhook secret the way Stripe does and POSTs it to the local webhook, so
 * plan changes can be tried offline (like Stripe CLI's trigger).
 */
public final class StripeEventCommand {
    /** The webhook secret of the local system unless STRIPE_WEBHOOK_SECRET says otherwise. */
    public static final String LOCAL_WEBHOOK_SECRET = "whsec_coherence_local";
    /** The price ids the local system maps to plans unless STRIPE_PRICE_INDIVIDUAL / STRIPE_PRICE_PRO say otherwise. */
    public static final String LOCAL_PRICE_PREFIX = "price_local_";

    private static final List<String> TYPES = List.of("checkout.session.completed", "customer.subscription.created",
            "customer.subscription.updated", "customer.subscription.deleted", "invoice.payment_failed");

    private StripeEventCommand() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (UsageException e) {
            System.err.println("stripe-event: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        } catch (IOException | RuntimeException e) {
            System.err.println("stripe-event: " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    /** Sends one event; returns the exit code (0 when the webhook accepted it). */
    public static int run(String[] args) throws IOException, InterruptedException {
        Options options = Options.parse(args);
        String secret = firstSet(options.secret, System.getenv("STRIPE_WEBHOOK_SECRET"), LOCAL_WEBHOOK_SECRET);
        String url = firstSet(options.url, baseUrlOfRunningSystem(), "http://127.0.0.1:8080") ;
        if (!url.endsWith("/v1/stripe/webhook")) {
            url = url.replaceAll("/+$", "") + "/v1/stripe/webhook";
        }
        String payload = build(options, Instant.now());
        String header = StripeSignature.header(payload, secret, Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", header)
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> reply;
        try {
            reply = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("cannot reach " + url + " (is ./coherence up running?): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        String eventId = Json.tree(payload.getBytes(StandardCharsets.UTF_8)).path("id").asText();
        System.out.println("sent " + options.type + " " + eventId + " for " + options.email + " (plan " + options.plan
                + ") to " + url + " -> " + reply.statusCode() + " " + reply.body());
        return reply.statusCode() / 100 == 2 ? 0 : 1;
    }

    /** The event JSON for the options; the customer and subscription ids follow from the email, so events of one user match. */
    static String build(Options o, Instant now) {
        String key = hash(o.email);
        String price = firstSet(System.getenv("STRIPE_PRICE_" + o.plan.toUpperCase(Locale.ROOT)), null, LOCAL_PRICE_PREFIX + o.plan);
        StripeEvents.Subject subject = new StripeEvents.Subject(o.uid, o.email, "cus_local_" + key, "sub_local_" + key, o.plan, price);
        String id = StripeEvents.newEventId();
        Instant periodEnd = now.plus(Duration.ofDays(30));
        return switch (o.type) {
            case "checkout.session.completed" -> StripeEvents.checkoutCompleted(id, now, subject);
            case "customer.subscription.created", "customer.subscription.updated" ->
                    StripeEvents.subscription(id, o.type, now, subject, firstSet(o.status, null, "active"), o.cancelAtPeriodEnd, periodEnd);
            case "customer.subscription.deleted" ->
                    StripeEvents.subscription(id, o.type, now, subject, firstSet(o.status, null, "canceled"), false, periodEnd);
            case "invoice.payment_failed" -> StripeEvents.paymentFailed(id, now, subject);
            default -> throw new UsageException("unknown event type " + o.type);
        };
    }

    /** The base URL the running local system wrote into its runtime file, if any. */
    private static String baseUrlOfRunningSystem() {
        String dataDir = firstSet(System.getenv("COHERENCE_DATA_DIR"), null, ".coherence-data");
        Path runtime = Path.of(dataDir, "runtime.json");
        if (!Files.isRegularFile(runtime)) {
            return null;
        }
        try {
            JsonNode node = Json.tree(Files.readAllBytes(runtime));
            return node.path("baseUrl").isTextual() ? node.path("baseUrl").asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String hash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstSet(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return fallback;
    }

    static String usage() {
        return "usage: ./coherence stripe-event TYPE [--user EMAIL] [--plan individual|pro] [--uid UID]\n"
                + "                               [--status STATUS] [--cancel-at-period-end] [--url URL] [--secret WHSEC]\n"
                + "  TYPE: " + String.join(", ", TYPES) + "\n"
                + "  checkout.session.completed links EMAIL's account to its Stripe customer and moves it to the plan;\n"
                + "  the other types then find it by that customer. Signed with STRIPE_WEBHOOK_SECRET (default "
                + LOCAL_WEBHOOK_SECRET + ").";
    }

    /** A command-line mistake: printed with the usage, exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** The parsed arguments. */
    static final class Options {
        String type;
        String email = "dev@example.com";
        String plan = "individual";
        String uid;
        String status;
        boolean cancelAtPeriodEnd;
        String url;
        String secret;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--user" -> o.email = value(args, ++i, arg);
                    case "--plan" -> o.plan = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                    case "--uid" -> o.uid = value(args, ++i, arg);
                    case "--status" -> o.status = value(args, ++i, arg);
                    case "--url" -> o.url = value(args, ++i, arg);
                    case "--secret" -> o.secret = value(args, ++i, arg);
                    case "--cancel-at-period-end" -> o.cancelAtPeriodEnd = true;
                    case "-h", "--help" -> throw new UsageException("help");
                    default -> {
                        if (arg.startsWith("-") || o.type != null) {
                            throw new UsageException("unexpected argument " + arg);
                        }
                        o.type = arg;
                    }
                }
            }
            if (o.type == null) {
                throw new UsageException("an event TYPE is required");
            }
            if (!TYPES.contains(o.type)) {
                throw new UsageException("unknown event type " + o.type);
            }
            if (!o.plan.equals("individual") && !o.plan.equals("pro")) {
                throw new UsageException("--plan must be individual or pro");
            }
            if (!o.email.contains("@")) {
                throw new UsageException("--user must be an email address");
            }
            return o;
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new UsageException(flag + " needs a value");
            }
            return args[i];
        }
    }
}
