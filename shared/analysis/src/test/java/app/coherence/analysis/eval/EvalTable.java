package app.coherence.analysis.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The accuracy table of one suite: one row per talk, a totals row, and every bar the talks missed. */
public final class EvalTable {
    private final String title;
    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> missedBars = new ArrayList<>();

    public EvalTable(String title, List<String> columns) {
        this.title = title;
        this.columns = List.copyOf(columns);
    }

    /** Adds one row; its cells line up with the columns. */
    public EvalTable row(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells for " + columns.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Records a bar the corpus did not meet ("talk X: filler recall 60 % < 80 %"). */
    public EvalTable missed(String bar) {
        missedBars.add(bar);
        return this;
    }

    public List<String> missedBars() {
        return List.copyOf(missedBars);
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public List<String> columns() {
        return columns;
    }

    public String title() {
        return title;
    }

    /** Prints the table as aligned plain text, then the missed bars (or "all bars met"). */
    public void print(PrintStream out) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        out.println("== " + title);
        out.println(line(columns, widths));
        StringBuilder rule = new StringBuilder();
        for (int w : widths) {
            rule.append("-".repeat(w)).append("  ");
        }
        out.println(rule.toString().stripTrailing());
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
        if (missedBars.isEmpty()) {
            out.println("all bars met");
        } else {
            missedBars.forEach(bar -> out.println("MISSED: " + bar));
        }
        out.println();
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            s.append(String.format("%-" + widths[c] + "s", cells.get(c))).append("  ");
        }
        return s.toString().stripTrailing();
    }
}
