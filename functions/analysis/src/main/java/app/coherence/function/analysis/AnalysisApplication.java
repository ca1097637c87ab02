package app.coherence.function.analysis;

import app.coherence.analysis.CoherenceAnalyzer;
import app.coherence.core.analysis.VideoAnalyzer;
import app.coherence.gcp.GcpPortsConfiguration;
import app.coherence.gcp.function.CloudRunHttpConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The analysis service on Cloud Run: a Spring Boot web application (PORT, see the Dockerfile) whose
 * every request goes to {@code analyzeTask}, with the GCP ports and the media pipeline. Not used by local/.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({AnalysisFunctionConfiguration.class, GcpPortsConfiguration.class, CloudRunHttpConfiguration.class})
@PropertySource("classpath:app/coherence/function/analysis/analysis-service.properties")
public class AnalysisApplication {

    /** The pipeline of shared/analysis with offline Vosk speech recognition. */
    @Bean
    public VideoAnalyzer videoAnalyzer() {
        return CoherenceAnalyzer.withDefaultSpeech();
    }

    public static void main(String[] args) {
        SpringApplication.run(AnalysisApplication.class, args);
    }
}
