package app.coherence.function.quota;

import app.coherence.gcp.GcpPortsConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The quota function deployed alone on Cloud Functions: entry point
 * {@code app.coherence.gcp.function.CoherenceFunctionInvoker}, bean {@code uploads}. Not used by local/.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({QuotaFunctionConfiguration.class, GcpPortsConfiguration.class})
@PropertySource("classpath:app/coherence/function/quota/quota-function.properties")
public class QuotaApplication {
}
