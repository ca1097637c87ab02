package app.coherence.function.api.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's load client: HTTP/1.1 GETs over a fixed set of keep-alive connections to 127.0.0.1,
 * each connection sending the next request as soon as it is due and the connection is free; the
 * connections are opened before the first request is due and kept from one run to the next. Lean on
 * purpose: the client shares the two cores with the server and the emulator, so what it spends is not
 * measured as ours. A request's latency counts from when it was due, so waiting for a free connection
 * is queueing, not hidden. Anything but a plain Content-Length answer fails loudly.
 */
final class KeepAliveLoad {
    /** One request of the plan: its kind, path with query, and when it is due (System.nanoTime). */
    record Planned(String kind, String target, long dueNanos) {
    }

    /** One answer: status (-1: failed), nanos from due to answered, nanos from sent to answered, nanos sent late. */
    record Answer(Planned request, int status, long fromDueNanos, long roundTripNanos, long lateNanos) {
    }

    private final int port;
    private final String authorization;
    private final int connections;
    /** The keep-alive connections, one per slot, kept from one run to the next. */
    private final Connection[] open;

    KeepAliveLoad(int port, String authorization, int connections) {
        this.port = port;
        this.authorization = authorization;
        this.connections = connections;
        this.open = new Connection[connections];
    }

    List<Answer> run(List<Planned> plan) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int slot = c;
            Thread t = new Thread(() -> connection(slot, plan, next, answers), "load-" + c);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return new ArrayList<>(answers);
    }

    /** One keep-alive connection with its buffered input (kept across answers). */
    private record Connection(Socket socket, InputStream in, OutputStream out) {
    }

    private void connection(int slot, List<Planned> plan, AtomicInteger next, ConcurrentLinkedQueue<Answer> answers) {
        Connection socket = open[slot];
        if (socket == null) {
            try {
                socket = connect(); // before the first request is due: connecting is not a request's latency
            } catch (IOException e) {
                socket = null; // the first request tries again and counts the failure
            }
        }
        for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
            Planned p = plan.get(i);
            long wait = p.dueNanos() - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long sent = System.nanoTime();
            int status;
            try {
                if (socket == null) {
                    socket = connect();
                }
                status = exchange(socket, p.target());
            } catch (IOException e) {
                status = -1;
                close(socket);
                socket = null;
            }
            long now = System.nanoTime();
            answers.add(new Answer(p, status, now - p.dueNanos(), now - sent, Math.max(0, sent - p.dueNanos())));
        }
        open[slot] = socket; // kept for the next run: the server's connection threads live on as well
        ThreadCpu.threadEnding();
    }

    private Connection connect() throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setTcpNoDelay(true);
        s.setSoTimeout(10_000);
        return new Connection(s, new BufferedInputStream(s.getInputStream(), 64 * 1024), s.getOutputStream());
    }

    /** Closes the connections kept between runs. */
    void close() {
        for (int i = 0; i < open.length; i++) {
            close(open[i]);
            open[i] = null;
        }
    }

    private int exchange(Connection socket, String target) throws IOException {
        OutputStream out = socket.out();
        out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + authorization
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.in();
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("the load client reads Content-Length answers only, got " + header);
            }
        }
        if (length < 0) {
            throw new IOException("an answer without Content-Length");
        }
        in.skipNBytes(length);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    private static void close(Connection socket) {
        if (socket != null) {
            try {
                socket.socket().close();
            } catch (IOException ignored) {
                // closing after a failure: nothing left to do
            }
        }
    }
}
