package app.coherence.function.api;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A path pattern of the api function with its {placeholders}, e.g. /v1/videos/{id}/analysis. */
record Route(String name, Pattern pattern) {

    static Route of(String name, String template) {
        return new Route(name, Pattern.compile(template.replaceAll("\\{[a-zA-Z]+}", "([^/]+)")));
    }

    /** The placeholder values when {@code path} matches, else null. */
    List<String> match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        return java.util.stream.IntStream.rangeClosed(1, m.groupCount()).mapToObj(m::group).toList();
    }
}
