package app.coherence.function.api;

import app.coherence.function.api.billing.BillingFunctionConfiguration;
import app.coherence.gcp.GcpPortsConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The api function deployed alone on Cloud Functions: entry point
 * {@code app.coherence.gcp.function.CoherenceFunctionInvoker}, bean {@code api} (which hands
 * /v1/billing/** to the {@code billing} bean deployed with it). Not used by local/.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ApiFunctionConfiguration.class, BillingFunctionConfiguration.class, GcpPortsConfiguration.class})
@PropertySource("classpath:app/coherence/function/api/api-function.properties")
public class ApiApplication {
}
