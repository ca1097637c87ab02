package app.coherence.gcp.logging;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.json.Json;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class CloudLoggingFormatTest {

    private static CloudLoggingFormat format(String service) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("spring.application.name", service)));
        return new CloudLoggingFormat(environment);
    }

    private static LoggingEvent event(Level level, String message, Throwable thrown, Object... args) {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("app.coherence.function.analysis.AnalyzeTask");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, message, thrown, args);
        event.setThreadName("worker-1");
        return event;
    }

    @Test
    void format_shouldWriteOneJsonLineWithSeverityMessageAndMdc() {
        MDC.put("videoId", "v-123");
        MDC.put("userId", "u-9");
        try {
            String line = format("analysis").format(event(Level.WARN, "video {} took {} s", null, "v-123", 12));

            assertThat(line).endsWith("\n").doesNotContain("\n\n");
            assertThat(line.strip()).doesNotContain("\n");
            JsonNode json = Json.tree(line.getBytes(StandardCharsets.UTF_8));
            assertThat(json.path("severity").asText()).isEqualTo("WARNING");
            assertThat(json.path("message").asText()).isEqualTo("video v-123 took 12 s");
            assertThat(json.path("videoId").asText()).isEqualTo("v-123");
            assertThat(json.path("userId").asText()).isEqualTo("u-9");
            assertThat(json.path("logger").asText()).isEqualTo("app.coherence.function.analysis.AnalyzeTask");
            assertThat(json.path("thread").asText()).isEqualTo("worker-1");
            assertThat(json.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(json.has("stack_trace")).isFalse();
        } finally {
            MDC.clear();
        }
    }

    @Test
    void format_withException_shouldCarryTheStackTraceForErrorReporting() {
        String line = format("analysis").format(event(Level.ERROR, "analysis failed",
                new IllegalStateException("decoder crashed\nsecond line")));

        JsonNode json = Json.tree(line.getBytes(StandardCharsets.UTF_8));
        assertThat(json.path("severity").asText()).isEqualTo("ERROR");
        assertThat(json.path("stack_trace").asText())
                .startsWith("java.lang.IllegalStateException: decoder crashed\nsecond line")
                .contains("at app.coherence.gcp.logging.CloudLoggingFormatTest");
        assertThat(json.path("serviceContext").path("service").asText()).isEqualTo("analysis");
        assertThat(line.strip()).doesNotContain("\n");
    }

    @Test
    void severity_shouldUseCloudLoggingNames() {
        assertThat(List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR))
                .extracting(CloudLoggingFormat::severity)
                .containsExactly("DEBUG", "DEBUG", "INFO", "WARNING", "ERROR");
    }

    @Test
    void mdcEntry_namedLikeAField_shouldNotHideTheRealOne() {
        MDC.put("message", "spoof");
        try {
            JsonNode json = Json.tree(format("api").format(event(Level.INFO, "real", null)).getBytes(StandardCharsets.UTF_8));
            assertThat(json.path("message").asText()).isEqualTo("real");
        } finally {
            MDC.clear();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void springBoot_withTheProperty_shouldLogThroughTheFormat(CapturedOutput output) {
        SpringApplication app = new SpringApplication(Empty.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ignored = app.run(
                "--logging.structured.format.console=app.coherence.gcp.logging.CloudLoggingFormat",
                "--spring.application.name=notifier", "--spring.main.banner-mode=off")) {
            MDC.put("videoId", "v-77");
            LoggerFactory.getLogger("app.coherence.test").info("stats counted for {}", "u-1");
            MDC.clear();
        }

        String line = output.getOut().lines().filter(l -> l.contains("stats counted")).findFirst().orElseThrow();
        JsonNode json = Json.tree(line.getBytes(StandardCharsets.UTF_8));
        assertThat(json.path("severity").asText()).isEqualTo("INFO");
        assertThat(json.path("message").asText()).isEqualTo("stats counted for u-1");
        assertThat(json.path("videoId").asText()).isEqualTo("v-77");
        assertThat(output.getOut().lines().filter(l -> !l.isBlank()).filter(l -> l.contains("stats counted") || l.contains("Started")))
                .allMatch(l -> l.startsWith("{") && l.endsWith("}"));
    }
}
