package app.coherence.local.bench;

import java.util.function.Function;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The smallest Spring Cloud Function: the cold-start benchmark's yardstick, packed into its own jar by the bench. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class HelloFunctionApplication {

    @Bean
    public Function<String, String> hello() {
        return name -> "hello " + name;
    }
}
