package app.coherence.core.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one user has used in one calendar month (UTC), the {@code usage/{uid}_{yyyy-MM}} document:
 * analyses (slots taken) this month, and uploads reserved per UTC day ({@code yyyy-MM-dd → count}).
 */
public record Usage(String userId, YearMonth month, int analyses, Map<String, Integer> uploadsByDay) {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    public Usage {
        uploadsByDay = Map.copyOf(uploadsByDay);
    }

    /** Nothing used yet. */
    public static Usage none(String userId, YearMonth month) {
        return new Usage(userId, month, 0, Map.of());
    }

    /** The document id: {@code {uid}_{yyyy-MM}}. */
    public static String documentId(String userId, YearMonth month) {
        return userId + "_" + month.format(MONTH);
    }

    public String documentId() {
        return documentId(userId, month);
    }

    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    public static LocalDate dayOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    public int uploadsOn(LocalDate day) {
        return uploadsByDay.getOrDefault(day.toString(), 0);
    }

    /** One more slot taken by an upload reserved on {@code day}. */
    public Usage withReservation(LocalDate day) {
        Map<String, Integer> days = new TreeMap<>(uploadsByDay);
        days.merge(day.toString(), 1, Integer::sum);
        return new Usage(userId, month, analyses + 1, days);
    }

    /**
     * A month's slot given back (the analysis did not complete); never below zero. The day's upload
     * count stays: the daily cap guards against reserving and deleting in a loop.
     */
    public Usage withRelease() {
        return new Usage(userId, month, Math.max(0, analyses - 1), uploadsByDay);
    }
}
