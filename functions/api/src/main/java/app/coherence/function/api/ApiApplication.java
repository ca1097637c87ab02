package app.coherence.function.api;

import app.coherence.function.api.billing.BillingFunctionConfiguration;
import app.coherence.gcp.GcpPortsConfiguration;
import app.coherence.gcp.function.FunctionApplication;
import org.springframework.boot.SpringBootConfiguration;

/**
 * The api function deployed alone on Cloud Functions: entry point
 * {@code app.coherence.gcp.function.CoherenceFunctionInvoker}, bean {@code api} (which hands
 * /v1/billing/** to the {@code billing} bean deployed with it). Not used by local/.
 */
// the invoker takes only a Spring Boot configuration as start class; functional start: never parsed as one
@SpringBootConfiguration(proxyBeanMethods = false)
public class ApiApplication extends FunctionApplication {

    public ApiApplication() {
        super("classpath:app/coherence/function/api/api-function.properties",
                ApiFunctionConfiguration.class, BillingFunctionConfiguration.class, GcpPortsConfiguration.class);
    }
}
