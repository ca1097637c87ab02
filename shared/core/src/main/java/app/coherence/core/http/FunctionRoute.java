package app.coherence.core.http;

import java.util.Arrays;
import java.util.Optional;

/**
 * The route table: which deployed function, and which of its beans, answers which path. The local
 * router follows it; Firebase Hosting's rewrites (web/firebase.json), Terraform's functions and
 * scheduled jobs (infra/) are checked against it by a test of local/. The first route that matches wins.
 */
public enum FunctionRoute {
    UPLOADS("/v1/uploads", false, "quota", "uploads", true),
    USAGE("/v1/usage", false, "quota", "uploads", true),
    SWEEP_RESERVATIONS("/tasks/sweep-reservations", false, "quota", "uploads", false),
    RECONCILE("/tasks/reconcile", false, "quota", "uploads", false),
    ANALYZE_TASK("/tasks/analyze", false, "analysis", "analyzeTask", false),
    CLEANUP_DELETED("/tasks/cleanup-deleted", false, "api", "api", false),
    STRIPE_WEBHOOK("/v1/stripe/webhook", false, "stripe-webhook", "stripeWebhook", true),
    // deployed inside the api function, which hands /v1/billing/** to this bean: Hosting sends it with /v1/**
    BILLING("/v1/billing", true, "api", "billing", false),
    API("/v1", true, "api", "api", true);

    private final String path;
    private final boolean prefix;
    private final String function;
    private final String bean;
    private final boolean hosted;

    FunctionRoute(String path, boolean prefix, String function, String bean, boolean hosted) {
        this.path = path;
        this.prefix = prefix;
        this.function = function;
        this.bean = bean;
        this.hosted = hosted;
    }

    /** The route of {@code requestPath}, or empty when no function serves it. */
    public static Optional<FunctionRoute> of(String requestPath) {
        return Arrays.stream(values()).filter(r -> r.matches(requestPath)).findFirst();
    }

    public boolean matches(String requestPath) {
        return requestPath.equals(path) || prefix && requestPath.startsWith(path + "/");
    }

    /** The exact path, or the prefix of every path below it when {@link #prefix()}. */
    public String path() {
        return path;
    }

    public boolean prefix() {
        return prefix;
    }

    /** The deployed function (Terraform's name, Hosting's serviceId): api, quota, stripe-webhook or analysis. */
    public String function() {
        return function;
    }

    /** The function bean that answers it (spring.cloud.function.definition). */
    public String bean() {
        return bean;
    }

    /** Whether Firebase Hosting rewrites it to its function (web clients call it same-origin). */
    public boolean hosted() {
        return hosted;
    }

    /** The path as Hosting writes it: the exact path, or the prefix with {@code /**}. */
    public String hostingSource() {
        return prefix ? path + "/**" : path;
    }
}
