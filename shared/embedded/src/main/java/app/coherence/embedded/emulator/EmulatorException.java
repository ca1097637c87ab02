package app.coherence.embedded.emulator;

/** An emulator is missing, failed to start, or failed an operation; the message says what to do. */
public class EmulatorException extends RuntimeException {

    public EmulatorException(String message) {
        super(message);
    }

    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
