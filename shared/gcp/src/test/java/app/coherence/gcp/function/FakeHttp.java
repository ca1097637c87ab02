package app.coherence.gcp.function;

import app.coherence.core.http.QueryString;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Hand-made Functions Framework request and response, as the framework's Jetty adapter would pass them
 * (published in the test-jar for the function modules' deploy tests).
 */
public final class FakeHttp {
    private FakeHttp() {
    }

    public static final class Request implements HttpRequest {
        private final String method;
        private final String path;
        private final String query;
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final byte[] body;

        public Request(String method, String path, String query, byte[] body) {
            this.method = method;
            this.path = path;
            this.query = query;
            this.body = body;
        }

        public Request header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        @Override public String getMethod() { return method; }
        @Override public String getUri() { return "https://fn.example" + path + (query == null ? "" : "?" + query); }
        @Override public String getPath() { return path; }
        @Override public Optional<String> getQuery() { return Optional.ofNullable(query); }
        @Override public Map<String, List<String>> getQueryParameters() { return QueryString.parse(query); }
        @Override public Map<String, HttpPart> getParts() { return Map.of(); }
        @Override public Optional<String> getContentType() { return getFirstHeader("Content-Type"); }
        @Override public long getContentLength() { return body.length; }
        @Override public Optional<String> getCharacterEncoding() { return Optional.of("UTF-8"); }
        @Override public InputStream getInputStream() { return new ByteArrayInputStream(body); }
        @Override public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }
        @Override public Map<String, List<String>> getHeaders() { return headers; }
    }

    public static final class Response implements HttpResponse {
        public int status = 200;
        public String contentType;
        public final Map<String, List<String>> headers = new LinkedHashMap<>();
        public final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private BufferedWriter writer;

        @Override public void setStatusCode(int code) { status = code; }
        @Override public void setStatusCode(int code, String message) { status = code; }
        @Override public void setContentType(String type) { contentType = type; }
        @Override public Optional<String> getContentType() { return Optional.ofNullable(contentType); }
        @Override public void appendHeader(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        @Override public Map<String, List<String>> getHeaders() { return headers; }
        @Override public OutputStream getOutputStream() { return body; }
        @Override public BufferedWriter getWriter() {
            if (writer == null) {
                writer = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
            }
            return writer;
        }

        public String text() throws java.io.IOException {
            if (writer != null) {
                writer.flush();
            }
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}
