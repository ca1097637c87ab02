package app.coherence.function.uploadtrigger;

import app.coherence.gcp.GcpPortsConfiguration;
import app.coherence.gcp.function.FunctionApplication;
import org.springframework.boot.SpringBootConfiguration;

/**
 * The upload trigger deployed alone on Cloud Functions (Storage finalize trigger): entry point
 * {@code app.coherence.gcp.function.CoherenceFunctionInvoker}, bean {@code uploadTrigger}. Not used by local/.
 */
// the invoker takes only a Spring Boot configuration as start class; functional start: never parsed as one
@SpringBootConfiguration(proxyBeanMethods = false)
public class UploadTriggerApplication extends FunctionApplication {

    public UploadTriggerApplication() {
        super("classpath:app/coherence/function/uploadtrigger/upload-trigger-function.properties",
                UploadTriggerFunctionConfiguration.class, GcpPortsConfiguration.class);
    }
}
