package app.coherence.function.uploadtrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StorageObjectEventTest {

    static CloudEvent finalized(String data) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId("evt-1")
                .withType("google.cloud.storage.object.v1.finalized")
                .withSource(URI.create("//storage.googleapis.com/projects/_/buckets/coherence-uploads"))
                .withSubject("objects/uploads/u1/v1");
        return data == null ? builder.build()
                : builder.withData("application/json", data.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void parse_shouldReadGcsObjectWithStringSize() {
        StorageObjectEvent.Parsed parsed = StorageObjectEvent.parse(finalized(
                "{\"bucket\":\"coherence-uploads\",\"name\":\"uploads/u1/v1\",\"size\":\"1048576\","
                        + "\"contentType\":\"video/mp4\",\"generation\":\"1700000000\"}"));
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.upload().bucket()).isEqualTo("coherence-uploads");
        assertThat(parsed.upload().path()).isEqualTo("uploads/u1/v1");
        assertThat(parsed.upload().sizeBytes()).isEqualTo(1_048_576L);
        assertThat(parsed.upload().contentType()).isEqualTo("video/mp4");
    }

    @Test
    void parse_shouldAcceptNumericSizeAndMissingContentType() {
        StorageObjectEvent.Parsed parsed = StorageObjectEvent.parse(finalized("{\"name\":\"uploads/u1/v1\",\"size\":42}"));
        assertThat(parsed.upload().sizeBytes()).isEqualTo(42L);
        assertThat(parsed.upload().contentType()).isNull();
    }

    @Test
    void parse_shouldDescribeMalformedEvents() {
        for (String data : new String[] {null, "not json", "[]", "{}", "{\"name\":\"\",\"size\":\"1\"}",
                "{\"name\":\"uploads/u1/v1\"}", "{\"name\":\"uploads/u1/v1\",\"size\":\"12abc\"}",
                "{\"name\":\"uploads/u1/v1\",\"size\":\"-5\"}", "{\"name\":\"uploads/u1/v1\",\"size\":true}"}) {
            StorageObjectEvent.Parsed parsed = StorageObjectEvent.parse(finalized(data));
            assertThat(parsed.upload()).as("data %s", data).isNull();
            assertThat(parsed.problem()).as("data %s", data).contains("evt-1");
        }
    }

    @Test
    void accept_shouldDropMalformedEventsWithoutTouchingTheService() {
        // A null service: any call into it would throw, so returning normally proves the event was dropped.
        UploadTriggerFunction trigger = new UploadTriggerFunction(null);
        assertThatCode(() -> trigger.accept(finalized("not json"))).doesNotThrowAnyException();
        assertThatCode(() -> trigger.accept(finalized("{\"name\":\"uploads/u1/v1\"}"))).doesNotThrowAnyException();
    }
}
