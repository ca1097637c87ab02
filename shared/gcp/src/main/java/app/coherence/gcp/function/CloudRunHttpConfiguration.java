package app.coherence.gcp.function;

import app.coherence.core.http.HttpFunction;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * For a service on Cloud Run (a Spring Boot web application): every request goes to the
 * {@link HttpFunction} bean named by {@code spring.cloud.function.definition}, as on Cloud Functions.
 */
@Configuration(proxyBeanMethods = false)
public class CloudRunHttpConfiguration {

    @Bean
    public ServletRegistrationBean<HttpFunctionServlet> coherenceHttpFunctionServlet(ApplicationContext context,
                                                                                     Environment env) {
        String definition = env.getProperty("spring.cloud.function.definition");
        if (definition == null || definition.isBlank()) {
            throw new IllegalStateException("spring.cloud.function.definition must name the HttpFunction bean to serve");
        }
        HttpFunction function = context.getBean(definition, HttpFunction.class);
        ServletRegistrationBean<HttpFunctionServlet> registration =
                new ServletRegistrationBean<>(new HttpFunctionServlet(function), "/*");
        registration.setName("coherence-" + definition);
        return registration;
    }
}
