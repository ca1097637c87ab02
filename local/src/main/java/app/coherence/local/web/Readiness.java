package app.coherence.local.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The parts of the local system and whether each is ready: what GET /healthz reports. */
public final class Readiness {
    private final Map<String, BooleanSupplier> parts = new LinkedHashMap<>();

    /** Adds a part; {@code ready} is asked on every health check. */
    public synchronized Readiness add(String name, BooleanSupplier ready) {
        parts.put(name, ready);
        return this;
    }

    /** Each part's name and whether it is ready now. */
    public synchronized Map<String, Boolean> check() {
        Map<String, Boolean> result = new LinkedHashMap<>();
        parts.forEach((name, ready) -> {
            boolean ok;
            try {
                ok = ready.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            result.put(name, ok);
        });
        return result;
    }
}
