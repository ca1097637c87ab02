package app.coherence.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.http.FunctionRoute;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The one route table ({@link FunctionRoute}) against every other place that routes: the local router,
 * Firebase Hosting's rewrites (web/firebase.json) and Terraform's functions and scheduled jobs (infra/).
 */
class RouteTableTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void localRouter_shouldSendEveryPathOfTheTableToItsBean() {
        for (FunctionRoute route : FunctionRoute.values()) {
            String sample = route.prefix() ? route.path() + "/x" : route.path();
            assertThat(FunctionRoutes.functionFor(sample)).as(sample).contains(FunctionRoute.of(sample).orElseThrow().bean());
        }
        assertThat(FunctionRoutes.functionFor("/v1/billing/checkout")).contains("billing");
        assertThat(FunctionRoutes.functionFor("/v1/videos/abc")).contains("api");
        assertThat(FunctionRoutes.functionFor("/v1x")).isEmpty();
    }

    @Test
    void hostingRewrites_shouldBeTheTablesHostedRoutesInOrder() throws IOException {
        JsonNode rewrites = new ObjectMapper().readTree(ROOT.resolve("web/firebase.json").toFile()).path("hosting").path("rewrites");
        List<String> hosting = new ArrayList<>();
        rewrites.forEach(r -> hosting.add(r.path("source").asText() + " -> " + r.path("run").path("serviceId").asText()));
        List<String> table = Arrays.stream(FunctionRoute.values()).filter(FunctionRoute::hosted)
                .map(r -> r.hostingSource() + " -> " + r.function()).toList();
        assertThat(hosting).isEqualTo(table);
    }

    @Test
    void terraformFunctions_shouldDeployEachFunctionOfTheTableWithOneOfItsBeans() throws IOException {
        String tf = Files.readString(ROOT.resolve("infra/functions.tf"));
        Map<String, String> definitions = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"?([a-z-]+)\"?\\s*=\\s*\\{\\s*module\\s*=\\s*\"[a-z-]+\"\\s*definition\\s*=\\s*\"(\\w+)\"").matcher(tf);
        while (m.find()) {
            definitions.put(m.group(1), m.group(2));
        }
        assertThat(definitions).as("functions.tf parsed").containsKeys("api", "quota", "stripe-webhook");
        Map<String, Set<String>> beans = Arrays.stream(FunctionRoute.values()).filter(r -> !r.function().equals("analysis"))
                .collect(Collectors.groupingBy(FunctionRoute::function, LinkedHashMap::new,
                        Collectors.mapping(FunctionRoute::bean, Collectors.toSet())));
        beans.forEach((function, served) -> assertThat(served).as(function).contains(definitions.get(function)));

        String config = Files.readString(ROOT.resolve("infra/config.tf"));
        assertThat(config).contains("COHERENCE_ANALYSIS_URL            = \"${local.analysis_url}" + FunctionRoute.ANALYZE_TASK.path() + "\"");
    }

    @Test
    void scheduledJobs_shouldCallATaskPathOfTheirFunction() throws IOException {
        String tf = Files.readString(ROOT.resolve("infra/scheduler.tf"));
        Matcher m = Pattern.compile("function\\s*=\\s*\"([a-z-]+)\"\\s*path\\s*=\\s*\"([^\"]+)\"").matcher(tf);
        int jobs = 0;
        while (m.find()) {
            jobs++;
            FunctionRoute route = FunctionRoute.of(m.group(2)).orElseThrow();
            assertThat(route.function()).as(m.group(2)).isEqualTo(m.group(1));
        }
        assertThat(jobs).as("scheduler.tf parsed").isEqualTo(3);
    }
}
