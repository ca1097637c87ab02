package app.coherence.function.notifier;

import app.coherence.gcp.GcpPortsConfiguration;
import app.coherence.gcp.function.FunctionApplication;
import org.springframework.boot.SpringBootConfiguration;

/**
 * The notifier deployed alone on Cloud Functions (Pub/Sub trigger on analysis-events): entry point
 * {@code app.coherence.gcp.function.CoherenceFunctionInvoker}, bean {@code analysisEventsNotifier}.
 * Not used by local/.
 */
// the invoker takes only a Spring Boot configuration as start class; functional start: never parsed as one
@SpringBootConfiguration(proxyBeanMethods = false)
public class NotifierApplication extends FunctionApplication {

    public NotifierApplication() {
        super("classpath:app/coherence/function/notifier/notifier-function.properties",
                NotifierFunctionConfiguration.class, GcpPortsConfiguration.class);
    }
}
