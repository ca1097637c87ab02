package app.coherence.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.coherence.core.error.CoherenceException;
import app.coherence.core.error.ErrorCode;
import com.google.api.core.SettableApiFuture;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** The one failure policy every Firestore store waits through. */
class FirestoreErrorsTest {

    private static <T> T failedWith(Throwable failure) {
        SettableApiFuture<T> future = SettableApiFuture.create();
        future.setException(failure);
        return FirestoreErrors.await(future, "reading video v1");
    }

    private static ErrorCode codeOf(Throwable failure) {
        try {
            failedWith(failure);
        } catch (CoherenceException e) {
            return e.code();
        }
        throw new AssertionError("no CoherenceException");
    }

    @Test
    void transientFailuresAndLeftOverContentionAreUnavailable() {
        for (Status status : new Status[] {Status.ABORTED, Status.UNAVAILABLE, Status.DEADLINE_EXCEEDED,
                Status.RESOURCE_EXHAUSTED}) {
            assertThat(codeOf(status.asRuntimeException())).as(status.getCode().name()).isEqualTo(ErrorCode.UNAVAILABLE);
        }
    }

    @Test
    void anyOtherFirestoreFailureIsOurs() {
        for (Status status : new Status[] {Status.FAILED_PRECONDITION, Status.PERMISSION_DENIED, Status.INVALID_ARGUMENT}) {
            assertThat(codeOf(status.asRuntimeException())).as(status.getCode().name()).isEqualTo(ErrorCode.INTERNAL);
        }
        assertThatThrownBy(() -> failedWith(Status.FAILED_PRECONDITION.withDescription("needs an index").asRuntimeException()))
                .hasMessage("reading video v1 failed")
                .hasRootCauseMessage("FAILED_PRECONDITION: needs an index");
    }

    @Test
    void ourOwnExceptionsFromInsideATransactionComeOutAsTheyWere() {
        CoherenceException quota = new CoherenceException(ErrorCode.QUOTA_EXCEEDED, "no slot left");
        assertThatThrownBy(() -> failedWith(new RuntimeException("wrapped", quota))).isSameAs(quota);
        IllegalArgumentException bug = new IllegalArgumentException("a step may not move video v1");
        assertThatThrownBy(() -> failedWith(bug)).isSameAs(bug);
    }

    @Test
    void alreadyExistsIsRecognisedForCreates() {
        assertThat(FirestoreErrors.isAlreadyExists(new RuntimeException(Status.ALREADY_EXISTS.asRuntimeException()))).isTrue();
        assertThat(FirestoreErrors.isAlreadyExists(Status.ABORTED.asRuntimeException())).isFalse();
    }
}
