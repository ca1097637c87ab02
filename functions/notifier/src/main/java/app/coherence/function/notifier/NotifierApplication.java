package app.coherence.function.notifier;

import app.coherence.gcp.GcpPortsConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The notifier deployed alone on Cloud Functions (Pub/Sub trigger on analysis-events): entry point
 * {@code app.coherence.gcp.function.CoherenceFunctionInvoker}, bean {@code analysisEventsNotifier}.
 * Not used by local/.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({NotifierFunctionConfiguration.class, GcpPortsConfiguration.class})
@PropertySource("classpath:app/coherence/function/notifier/notifier-function.properties")
public class NotifierApplication {
}
