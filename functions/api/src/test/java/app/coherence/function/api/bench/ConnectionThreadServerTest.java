package app.coherence.function.api.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.coherence.core.http.HttpCall;
import app.coherence.core.http.HttpReply;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The benchmark's transport over real sockets: requests reach the function whole, keep-alive holds, garbage gets 400. */
class ConnectionThreadServerTest {

    @Test
    void twoRequestsOnOneConnection_reachTheFunctionDecoded_andAreAnsweredInTurn() throws Exception {
        AtomicReference<HttpCall> seen = new AtomicReference<>();
        try (ConnectionThreadServer server = new ConnectionThreadServer(call -> {
            seen.set(call);
            return HttpReply.json(200, Map.of("path", call.path()));
        }); Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("GET /v1/videos?limit=20&sort=title&q=a%20b HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String first = answer(in);
            assertTrue(first.startsWith("HTTP/1.1 200 "), first);
            assertTrue(first.endsWith("{\"path\":\"/v1/videos\"}"), first);
            assertEquals("GET", seen.get().method());
            assertEquals(Map.of("limit", List.of("20"), "sort", List.of("title"), "q", List.of("a b")), seen.get().query());
            assertEquals("Bearer t", seen.get().header("authorization").orElseThrow());

            out.write("POST /v1/videos/abc HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String second = answer(in);
            assertTrue(second.endsWith("{\"path\":\"/v1/videos/abc\"}"), second);
            assertEquals("{}", seen.get().bodyText());
        }
    }

    @Test
    void aMalformedRequestLine_isAnswered400_andTheConnectionCloses() throws Exception {
        try (ConnectionThreadServer server = new ConnectionThreadServer(call -> HttpReply.json(200, Map.of()));
             Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write("NONSENSE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(all.startsWith("HTTP/1.1 400 "), all);
        }
    }

    /** One answer: the head, then exactly Content-Length bytes of body. */
    private static String answer(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalStateException("closed inside the head: " + head);
            }
            head.append((char) b);
        }
        int at = head.indexOf("Content-Length: ") + 16;
        int length = Integer.parseInt(head.substring(at, head.indexOf("\r\n", at)));
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
