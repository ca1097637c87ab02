package app.coherence.function.notifier;

import app.coherence.core.analysis.AnalysisStore;
import app.coherence.core.profile.AnalysisEventRecorder;
import app.coherence.core.profile.Notifications;
import app.coherence.core.profile.ProfileStore;
import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code analysisEventsNotifier} function bean: analysis-events → user stats, failure notices. */
@Configuration(proxyBeanMethods = false)
public class NotifierFunctionConfiguration {

    @Bean
    public AnalysisEventRecorder analysisEventRecorder(ProfileStore profiles, AnalysisStore analyses,
                                                       Notifications notifications, Clock clock) {
        return new AnalysisEventRecorder(profiles, analyses, notifications, clock);
    }

    @Bean
    public Consumer<CloudEvent> analysisEventsNotifier(AnalysisEventRecorder analysisEventRecorder) {
        return new AnalysisEventsNotifier(analysisEventRecorder);
    }
}
