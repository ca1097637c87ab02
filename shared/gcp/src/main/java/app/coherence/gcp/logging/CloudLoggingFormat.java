package app.coherence.gcp.logging;

import app.coherence.core.json.Json;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * One JSON object per line in the shape Cloud Logging reads from stdout: {@code severity} (its level
 * names), {@code message}, {@code time}, logger, thread, every MDC entry (videoId, userId, ...) and
 * key-value pair at the top level, and {@code stack_trace} plus {@code serviceContext} so Error
 * Reporting picks up exceptions. Enabled with
 * {@code logging.structured.format.console=app.coherence.gcp.logging.CloudLoggingFormat}.
 */
public class CloudLoggingFormat implements StructuredLogFormatter<ILoggingEvent> {
    private static final Set<String> OWN_FIELDS = Set.of("severity", "message", "time", "logger", "thread",
            "stack_trace", "serviceContext");

    private final String service;

    /** Spring Boot passes its Environment; {@code spring.application.name} names the service for Error Reporting. */
    public CloudLoggingFormat(Environment environment) {
        this.service = environment.getProperty("spring.application.name", "coherence");
    }

    @Override
    public String format(ILoggingEvent event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("severity", severity(event.getLevel()));
        entry.put("message", event.getFormattedMessage());
        entry.put("time", event.getInstant().toString());
        entry.put("logger", event.getLoggerName());
        entry.put("thread", event.getThreadName());
        event.getMDCPropertyMap().forEach((key, value) -> putExtra(entry, key, value));
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                putExtra(entry, pair.key, pair.value);
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            entry.put("stack_trace", ThrowableProxyUtil.asString(thrown));
            entry.put("serviceContext", Map.of("service", service));
        }
        return Json.write(entry) + "\n";
    }

    /** Cloud Logging's LogSeverity names. */
    static String severity(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "ERROR";
            case Level.WARN_INT -> "WARNING";
            case Level.INFO_INT -> "INFO";
            default -> "DEBUG";
        };
    }

    private static void putExtra(Map<String, Object> entry, String key, Object value) {
        // our own fields win: a stray MDC "message" must not hide the real one
        if (key != null && value != null && !OWN_FIELDS.contains(key)) {
            entry.put(key, value instanceof Number || value instanceof Boolean ? value : String.valueOf(value));
        }
    }
}
