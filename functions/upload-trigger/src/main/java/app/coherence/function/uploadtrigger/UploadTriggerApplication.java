package app.coherence.function.uploadtrigger;

import app.coherence.gcp.GcpPortsConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The upload trigger deployed alone on Cloud Functions (Storage finalize trigger): entry point
 * {@code app.coherence.gcp.function.CoherenceFunctionInvoker}, bean {@code uploadTrigger}. Not used by local/.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({UploadTriggerFunctionConfiguration.class, GcpPortsConfiguration.class})
@PropertySource("classpath:app/coherence/function/uploadtrigger/upload-trigger-function.properties")
public class UploadTriggerApplication {
}
