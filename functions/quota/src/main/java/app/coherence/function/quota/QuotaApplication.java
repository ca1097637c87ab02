package app.coherence.function.quota;

import app.coherence.gcp.GcpPortsConfiguration;
import app.coherence.gcp.function.FunctionApplication;
import org.springframework.boot.SpringBootConfiguration;

/**
 * The quota function deployed alone on Cloud Functions: entry point
 * {@code app.coherence.gcp.function.CoherenceFunctionInvoker}, bean {@code uploads}. Not used by local/.
 */
// the invoker takes only a Spring Boot configuration as start class; functional start: never parsed as one
@SpringBootConfiguration(proxyBeanMethods = false)
public class QuotaApplication extends FunctionApplication {

    public QuotaApplication() {
        super("classpath:app/coherence/function/quota/quota-function.properties",
                QuotaFunctionConfiguration.class, GcpPortsConfiguration.class);
    }
}
