package app.coherence.gcp.function;

import static org.assertj.core.api.Assertions.assertThat;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.functions.Context;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoherenceFunctionInvokerTest {

    private static CoherenceFunctionInvoker invoker(String definition) {
        System.setProperty("spring.cloud.function.definition", definition);
        return new CoherenceFunctionInvoker(BridgeTestApplication.class);
    }

    @AfterEach
    void clearDefinition() {
        System.clearProperty("spring.cloud.function.definition");
        BridgeTestApplication.EVENTS.clear();
    }

    private static Context context(String id, String type, String resource, String timestamp) {
        return new Context() {
            @Override public String eventId() { return id; }
            @Override public String timestamp() { return timestamp; }
            @Override public String eventType() { return type; }
            @Override public String resource() { return resource; }
        };
    }

    @Test
    void service_shouldGiveHttpFunctionTheWholeRequestAndWriteItsReply() throws Exception {
        CoherenceFunctionInvoker invoker = invoker("echo");
        FakeHttp.Request request = new FakeHttp.Request("POST", "/v1/things/t-42", "a=1&b=x%20y&a=2",
                "{\"title\":\"héllo\"}".getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer tok")
                .header("Content-Type", "application/json");
        FakeHttp.Response response = new FakeHttp.Response();

        invoker.service(request, response);

        assertThat(response.status).isEqualTo(201);
        assertThat(response.contentType).isEqualTo("application/json");
        assertThat(response.headers).containsEntry("location", List.of("/v1/things/t-42"))
                .doesNotContainKeys("id", "timestamp", "statuscode", "contenttype");
        JsonNode seen = Json.tree(response.body.toByteArray());
        assertThat(seen.path("method").asText()).isEqualTo("POST");
        assertThat(seen.path("path").asText()).isEqualTo("/v1/things/t-42");
        assertThat(seen.path("id").asText()).isEqualTo("t-42");
        assertThat(seen.path("query").path("a").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(seen.path("query").path("b").get(0).asText()).isEqualTo("x y");
        assertThat(seen.path("auth").asText()).isEqualTo("Bearer tok");
        assertThat(seen.path("body").asText()).isEqualTo("{\"title\":\"héllo\"}");
    }

    @Test
    void service_shouldPassErrorStatusAndMethodNotAllowed() throws Exception {
        CoherenceFunctionInvoker invoker = invoker("echo");
        FakeHttp.Response wrongMethod = new FakeHttp.Response();
        invoker.service(new FakeHttp.Request("GET", "/v1/things/t-1", null, new byte[0]), wrongMethod);
        assertThat(wrongMethod.status).isEqualTo(405);
        assertThat(wrongMethod.headers).containsEntry("allow", List.of("POST"));
        assertThat(Json.tree(wrongMethod.body.toByteArray()).path("error").path("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");

        FakeHttp.Response unknown = new FakeHttp.Response();
        invoker.service(new FakeHttp.Request("POST", "/nowhere", null, new byte[0]), unknown);
        assertThat(unknown.status).isEqualTo(404);
    }

    @Test
    void service_shouldAnswer400ForABadlyEncodedQuery_withoutCallingTheFunction() throws Exception {
        CoherenceFunctionInvoker invoker = invoker("echo");
        FakeHttp.Response response = new FakeHttp.Response();

        invoker.service(new FakeHttp.Request("POST", "/v1/things/t-1", "cursor=%zz", new byte[0]), response);

        assertThat(response.status).isEqualTo(400);
        JsonNode error = Json.tree(response.body.toByteArray()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(error.path("message").asText()).contains("query string");
    }

    @Test
    void accept_shouldRebuildTheStorageCloudEventFromTheLegacyForm() {
        CoherenceFunctionInvoker invoker = invoker("events");
        String data = "{\"bucket\":\"coherence-uploads\",\"name\":\"uploads/u1/v1\",\"size\":\"2048\",\"contentType\":\"video/mp4\"}";
        invoker.accept(data, context("evt-7", "google.storage.object.finalize",
                "{\"service\":\"storage.googleapis.com\",\"name\":\"projects/_/buckets/coherence-uploads/objects/uploads/u1/v1\",\"type\":\"storage#object\"}",
                "2026-11-24T14:00:00.123Z"));

        assertThat(BridgeTestApplication.EVENTS).hasSize(1);
        CloudEvent event = BridgeTestApplication.EVENTS.get(0);
        assertThat(event.getId()).isEqualTo("evt-7");
        assertThat(event.getType()).isEqualTo("google.cloud.storage.object.v1.finalized");
        assertThat(event.getSource().toString()).isEqualTo("//storage.googleapis.com/projects/_/buckets/coherence-uploads");
        assertThat(event.getSubject()).isEqualTo("objects/uploads/u1/v1");
        assertThat(event.getTime()).isNotNull();
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo(data);
    }

    @Test
    void accept_shouldWrapLegacyPubSubDataAsMessage() {
        CoherenceFunctionInvoker invoker = invoker("events");
        String payload = Base64.getEncoder().encodeToString("{\"type\":\"completed\",\"videoId\":\"v1\"}".getBytes(StandardCharsets.UTF_8));
        invoker.accept("{\"@type\":\"type.googleapis.com/google.pubsub.v1.PubsubMessage\",\"data\":\"" + payload
                        + "\",\"attributes\":{\"k\":\"v\"}}",
                context("m-1", "google.pubsub.topic.publish", "projects/p/topics/analysis-events", "2026-11-24T14:00:00Z"));

        CloudEvent event = BridgeTestApplication.EVENTS.get(0);
        assertThat(event.getType()).isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
        JsonNode data = Json.tree(event.getData().toBytes());
        assertThat(data.path("message").path("data").asText()).isEqualTo(payload);
        assertThat(data.path("message").path("attributes").path("k").asText()).isEqualTo("v");
        assertThat(data.path("message").path("messageId").asText()).isEqualTo("m-1");
        assertThat(data.path("message").has("@type")).isFalse();
    }

    @Test
    void service_shouldDeliverCloudEventsThatArriveOverHttp() throws Exception {
        CoherenceFunctionInvoker invoker = invoker("events");
        String data = "{\"bucket\":\"b\",\"name\":\"uploads/u1/v1\",\"size\":\"7\"}";
        FakeHttp.Response binary = new FakeHttp.Response();
        invoker.service(new FakeHttp.Request("POST", "/", null, data.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").header("ce-specversion", "1.0").header("ce-id", "b-1")
                .header("ce-type", "google.cloud.storage.object.v1.finalized")
                .header("ce-source", "//storage.googleapis.com/projects/_/buckets/b")
                .header("ce-subject", "objects/uploads/u1/v1").header("ce-time", "2026-11-24T14:00:00Z"), binary);
        assertThat(binary.status).isEqualTo(204);

        FakeHttp.Response structured = new FakeHttp.Response();
        invoker.service(new FakeHttp.Request("POST", "/", null, ("{\"specversion\":\"1.0\",\"id\":\"s-1\","
                + "\"type\":\"google.cloud.storage.object.v1.finalized\",\"source\":\"//storage.googleapis.com/b\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/cloudevents+json; charset=UTF-8"), structured);
        assertThat(structured.status).isEqualTo(204);

        FakeHttp.Response notAnEvent = new FakeHttp.Response();
        invoker.service(new FakeHttp.Request("POST", "/", null, data.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/json"), notAnEvent);
        assertThat(notAnEvent.status).isEqualTo(400);

        assertThat(BridgeTestApplication.EVENTS).extracting(CloudEvent::getId).containsExactly("b-1", "s-1");
        assertThat(BridgeTestApplication.EVENTS).allSatisfy(e -> {
            assertThat(e.getType()).isEqualTo("google.cloud.storage.object.v1.finalized");
            assertThat(Json.tree(e.getData().toBytes()).path("size").asText()).isEqualTo("7");
        });
        assertThat(BridgeTestApplication.EVENTS.get(0).getSubject()).isEqualTo("objects/uploads/u1/v1");
    }

    @Test
    void service_shouldHandPlainFunctionsTheRequestLineAsHeaders() throws Exception {
        CoherenceFunctionInvoker invoker = invoker("plain");
        FakeHttp.Response response = new FakeHttp.Response();
        invoker.service(new FakeHttp.Request("PUT", "/x/y", null, "body".getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "text/plain"), response);
        // The stock invoker copies request headers as lists and JSON-encodes a String result.
        assertThat(response.text()).isEqualTo("\"[PUT] [/x/y] body\"");
    }
}
