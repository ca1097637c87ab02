package app.coherence.function.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpFunction;
import app.coherence.core.http.HttpReply;
import app.coherence.core.user.AuthenticatedUser;
import app.coherence.core.user.UserStore;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.function.stripe.cli.StripeEvents;
import app.coherence.function.stripe.cli.StripeSignature;
import app.coherence.gcp.firestore.FirestoreTestEmulator;
import com.google.cloud.firestore.Firestore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.cloud.function.context.FunctionalSpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The deployable application: Spring Boot with the GCP ports (Firestore on the emulator) serves signed events. */
class StripeWebhookApplicationTest {

    @Test
    void application_shouldApplyASignedEventThroughTheGcpPorts() throws Exception {
        String project = "demo-webhook-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "whsec_app_" + UUID.randomUUID();
        Map<String, Object> env = new HashMap<>();
        env.put("GOOGLE_CLOUD_PROJECT", project);
        env.put("COHERENCE_UPLOADS_BUCKET", "demo-coherence-uploads");
        env.put("COHERENCE_TASKS_LOCATION", "europe-west1");
        env.put("COHERENCE_TASKS_QUEUE", "analysis");
        env.put("COHERENCE_ANALYSIS_URL", "https://analysis-123.europe-west1.run.app/tasks/analyze");
        env.put("COHERENCE_TASKS_SERVICE_ACCOUNT", "tasks@demo-coherence.iam.gserviceaccount.com");
        env.put("COHERENCE_EVENTS_TOPIC", "analysis-events");
        env.put("FIRESTORE_EMULATOR_HOST", EmulatorFixture.firestore().hostPort());
        env.put("PUBSUB_EMULATOR_HOST", EmulatorFixture.pubsub().hostPort());
        env.put("FIREBASE_AUTH_EMULATOR_HOST", EmulatorFixture.auth().hostPort());
        env.put("STRIPE_WEBHOOK_SECRET", secret);
        env.put("STRIPE_PRICE_INDIVIDUAL", "price_app_individual");
        env.put("STRIPE_PRICE_PRO", "price_app_pro");
        env.put("logging.structured.format.console", "");
        FunctionalSpringApplication application = new FunctionalSpringApplication(StripeWebhookApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(env);
        try (ConfigurableApplicationContext context = application.run()) {
            assertThat(context.getEnvironment().getProperty("spring.cloud.function.definition")).isEqualTo("stripeWebhook");
            HttpFunction webhook = context.getBean("stripeWebhook", HttpFunction.class);
            UserStore users = context.getBean(UserStore.class);
            users.ensure(new AuthenticatedUser("app-user", "app-user@example.com", null));

            StripeEvents.Subject subject = new StripeEvents.Subject("app-user", "app-user@example.com", "cus_app", "sub_app",
                    "pro", "price_app_pro");
            String payload = StripeEvents.subscription(StripeEvents.newEventId(), "customer.subscription.created",
                    Instant.now(), subject, "active", false, Instant.now().plusSeconds(30L * 24 * 3600));
            HttpReply reply = webhook.apply(new HttpCall("POST", "/v1/stripe/webhook", Map.of(),
                    Map.of("stripe-signature", List.of(StripeSignature.header(payload, secret, Instant.now().getEpochSecond()))),
                    payload.getBytes(StandardCharsets.UTF_8)));
            assertThat(reply.status()).as(reply.bodyText()).isEqualTo(200);

            try (Firestore db = FirestoreTestEmulator.client(EmulatorFixture.firestore().hostPort(), project)) {
                assertThat(db.collection("users").document("app-user").get().get().getString("plan")).isEqualTo("pro");
            }
        }
    }
}
