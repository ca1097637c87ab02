package app.coherence.core.quota;

import java.time.YearMonth;

/** Port: reads the usage documents ({@code usage/{uid}_{yyyy-MM}}); only the upload ledger writes them. */
public interface UsageStore {

    /** The user's usage in {@code month}; {@link Usage#none} when nothing was used. */
    Usage find(String userId, YearMonth month);
}
