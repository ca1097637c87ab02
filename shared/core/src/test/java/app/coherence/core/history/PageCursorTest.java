package app.coherence.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import app.coherence.core.video.VideoStatus;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void encode_shouldRoundTripEverySortValue() {
        assertRoundTrip(VideoSort.CREATED_AT, "2026-01-02T03:04:05.123Z");
        assertRoundTrip(VideoSort.COHERENCE_SCORE, 87);
        assertRoundTrip(VideoSort.COHERENCE_SCORE, null);
        assertRoundTrip(VideoSort.TITLE, "Ünïcode \"quoted\" title");
    }

    @Test
    void decode_shouldRejectACursorOfAnotherSortOrderOrFilter() {
        String cursor = PageCursor.encode(VideoSort.TITLE, SortOrder.ASC, null, new ListPosition("a", "v1"));
        assertInvalid(() -> PageCursor.decode(cursor, VideoSort.CREATED_AT, SortOrder.ASC, null));
        assertInvalid(() -> PageCursor.decode(cursor, VideoSort.TITLE, SortOrder.DESC, null));
        assertInvalid(() -> PageCursor.decode(cursor, VideoSort.TITLE, SortOrder.ASC, VideoStatus.COMPLETED));
    }

    @Test
    void decode_shouldRejectGarbageAndTamperedValues() {
        assertInvalid(() -> PageCursor.decode("not base64 !!", VideoSort.TITLE, SortOrder.ASC, null));
        assertInvalid(() -> PageCursor.decode(b64("[1,2]"), VideoSort.TITLE, SortOrder.ASC, null));
        assertInvalid(() -> PageCursor.decode(b64("{\"s\":\"coherenceScore\",\"o\":\"asc\",\"f\":\"\",\"v\":\"x\",\"id\":\"a\"}"),
                VideoSort.COHERENCE_SCORE, SortOrder.ASC, null));
        assertInvalid(() -> PageCursor.decode(b64("{\"s\":\"coherenceScore\",\"o\":\"asc\",\"f\":\"\",\"v\":101,\"id\":\"a\"}"),
                VideoSort.COHERENCE_SCORE, SortOrder.ASC, null));
        assertInvalid(() -> PageCursor.decode(b64("{\"s\":\"createdAt\",\"o\":\"asc\",\"f\":\"\",\"v\":\"yesterday\",\"id\":\"a\"}"),
                VideoSort.CREATED_AT, SortOrder.ASC, null));
        assertInvalid(() -> PageCursor.decode(b64("{\"s\":\"title\",\"o\":\"asc\",\"f\":\"\",\"v\":\"t\",\"id\":\"../x\"}"),
                VideoSort.TITLE, SortOrder.ASC, null));
        assertInvalid(() -> PageCursor.decode("", VideoSort.TITLE, SortOrder.ASC, null));
    }

    @Test
    void listRequest_shouldValidateEveryParameter() {
        assertThat(new ListRequest(null, null, null, null, null).toQuery("u"))
                .isEqualTo(new VideoListQuery("u", VideoSort.CREATED_AT, SortOrder.DESC, null, null, 20));
        assertInvalid(() -> new ListRequest("0", null, null, null, null).toQuery("u"));
        assertInvalid(() -> new ListRequest("101", null, null, null, null).toQuery("u"));
        assertInvalid(() -> new ListRequest("ten", null, null, null, null).toQuery("u"));
        assertInvalid(() -> new ListRequest(null, null, "size", null, null).toQuery("u"));
        assertInvalid(() -> new ListRequest(null, null, null, "up", null).toQuery("u"));
        assertInvalid(() -> new ListRequest(null, null, null, null, "done").toQuery("u"));
        assertThat(new ListRequest("5", null, "title", "asc", "failed").toQuery("u"))
                .isEqualTo(new VideoListQuery("u", VideoSort.TITLE, SortOrder.ASC, VideoStatus.FAILED, null, 5));
    }

    private static void assertRoundTrip(VideoSort sort, Object value) {
        String cursor = PageCursor.encode(sort, SortOrder.DESC, VideoStatus.COMPLETED, new ListPosition(value, "vid_1-x"));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(cursor, sort, SortOrder.DESC, VideoStatus.COMPLETED))
                .isEqualTo(new ListPosition(value, "vid_1-x"));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(CoherenceException.class)
                .satisfies(e -> assertThat(((CoherenceException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
