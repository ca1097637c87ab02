package app.coherence.gcp.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.config.FunctionContextUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * A function's deploy application, registered functionally: Spring Cloud Function's
 * {@code FunctionalSpringApplication} (which the invoker uses) calls {@link #initialize} instead of
 * scanning annotations and evaluating Spring Boot's auto-configurations, so only our own configuration
 * classes are read. Every bean is lazy, and the catalog holds just the bean named by
 * {@code spring.cloud.function.definition}: a cold instance builds what its first request needs, no more.
 */
public abstract class FunctionApplication implements ApplicationContextInitializer<GenericApplicationContext> {
    static final String DEFINITION = "spring.cloud.function.definition";

    private final String properties;
    private final List<Class<?>> configurations;

    /** {@code properties}: the module's own property file (classpath: location); then its configuration classes. */
    protected FunctionApplication(String properties, Class<?>... configurations) {
        this.properties = properties;
        this.configurations = List.of(configurations);
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        try {
            // last: environment variables (SPRING_CLOUD_FUNCTION_DEFINITION, ...) still win
            context.getEnvironment().getPropertySources().addLast(new ResourcePropertySource(properties));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties, e);
        }
        // our functions are beans; scanning the jar for a "functions" package would only cost time
        context.getEnvironment().getPropertySources().addLast(
                new MapPropertySource("functionApplication", Map.of("spring.cloud.function.scan.enabled", "false")));
        AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
        context.registerBean(LazyInitializationBeanFactoryPostProcessor.class);
        configurations.forEach(context::registerBean);
        String name = context.getEnvironment().getRequiredProperty(DEFINITION);
        context.registerBean(name + FunctionRegistration.REGISTRATION_NAME_SUFFIX, FunctionRegistration.class,
                () -> new FunctionRegistration<>(context.getBean(name), name)
                        .type(FunctionContextUtils.findType(name, context.getBeanFactory())));
    }
}
