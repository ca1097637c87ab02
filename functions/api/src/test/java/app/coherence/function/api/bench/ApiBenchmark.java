package app.coherence.function.api.bench;

import app.coherence.core.analysis.ScoreTier;
import app.coherence.core.history.DeletedVideoCleanup;
import app.coherence.core.history.HistoryService;
import app.coherence.core.http.Authenticator;
import app.coherence.core.json.Json;
import app.coherence.core.profile.ProfileService;
import app.coherence.core.user.CachingIdentity;
import app.coherence.core.user.FirstUse;
import app.coherence.core.user.Identity;
import app.coherence.core.video.Video;
import app.coherence.core.video.VideoStatus;
import app.coherence.core.video.VideoStore;
import app.coherence.embedded.blob.FileSystemBlobStore;
import app.coherence.embedded.emulator.AuthEmulator;
import app.coherence.embedded.emulator.EmulatorFixture;
import app.coherence.embedded.emulator.FirestoreEmulator;
import app.coherence.function.api.ApiFunction;
import app.coherence.function.api.OpenApiDocument;
import app.coherence.gcp.auth.FirebaseIdentity;
import app.coherence.gcp.firestore.FirestoreAnalysisStore;
import app.coherence.gcp.firestore.FirestoreClients;
import app.coherence.gcp.firestore.FirestoreDeletedVideos;
import app.coherence.gcp.firestore.FirestoreProfileStore;
import app.coherence.gcp.firestore.FirestoreUserStore;
import app.coherence.gcp.firestore.FirestoreVideoListing;
import app.coherence.gcp.firestore.FirestoreVideoStore;
import app.coherence.gcp.firestore.VideoDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.WriteBatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./coherence bench api}: the history API's latency on loopback. Starts the Firestore and Auth
 * emulators, seeds one user with 500 videos, serves the api function over real HTTP on 127.0.0.1 and
 * sends list and get requests at a fixed rate (open loop: each request's latency counts from when it
 * was due, so a slow server cannot hide queueing), then prints p50/p95/p99 per kind; then makes the
 * same reads (the same pages, later ones resumed after a video as the api's cursors are, and the same
 * videos, in the same order) straight through the Firestore client at the same rate (the floor), the two taking
 * turns in blocks after both warmed until the JIT settled, and prints where a
 * request's time goes and the ratio of our p95 to the floor's.
 *
 * <p>Options: {@code --seconds N} (default 20), {@code --rate R} requests/s (default 200),
 * {@code --videos N} (default 500).
 */
public final class ApiBenchmark {
    private static final double TARGET_P95_MS = 20;
    /** Keep-alive connections of the load client, as many as the server's worker threads. */
    private static final int CONNECTIONS = 32;
    /** Warm-up rounds last this long; each path repeats them until the JIT settles. */
    private static final int WARM_UP_ROUND_SECONDS = 5;
    /** At most this many rounds of each path: a JIT that never settles is printed, not waited on for ever. */
    private static final int WARM_UP_MAX_ROUNDS = 15;
    /** Settled: the JIT compiler threads used under this share of one core in the last round. */
    private static final double JIT_SETTLED_SHARE = 0.03;
    private static volatile boolean measuring;
    /** The measured seconds are split into this many blocks of each path, taking turns. */
    private static final int BLOCKS = 4;

    private ApiBenchmark() {
    }

    /** One request: its kind, latency from when it was due, status, and the round trip alone (sent to answered). */
    private record Sample(String kind, double millis, int status, double roundTripMillis, double lateMillis) {
    }

    /** Inside the function, one request: its kind, all of it, and its token check, Firestore and the rest. */
    private record Inside(String kind, double totalMs, double tokenMs, double firestoreMs, double restMs) {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--seconds", "--rate", "--videos").contains(args[i]) || i + 1 >= args.length) {
                System.err.println("usage: ./coherence bench api [--seconds N] [--rate R] [--videos N]");
                System.exit(2);
            }
        }
        int seconds = option(args, "--seconds", 20);
        int rate = option(args, "--rate", 200);
        int videoCount = option(args, "--videos", 500);
        if (seconds < 1 || rate < 1 || videoCount < 1) {
            System.err.println("bench api: --seconds, --rate and --videos must be positive");
            System.exit(2);
        }
        System.out.println("bench api: starting the Firestore and Auth emulators ...");
        FirestoreEmulator firestoreEmulator = EmulatorFixture.firestore();
        AuthEmulator auth = EmulatorFixture.auth();
        String project = "demo-bench-" + Long.toHexString(System.nanoTime());
        Firestore db = FirestoreClients.forEmulator(firestoreEmulator.hostPort(), project);
        Clock clock = Clock.systemUTC();
        Path blobDir = Files.createTempDirectory("bench-api-blobs");

        AuthEmulator.SignedIn user = auth.signIn("bench-" + project + "@example.com", "bench-password-1");
        List<String> ids = seed(db, user.uid(), videoCount);

        FileSystemBlobStore blobs = new FileSystemBlobStore(blobDir, "bench", new byte[32], () -> "http://127.0.0.1:8080", clock);
        // the Firestore ports and the token check are timed per request (Stopwatch): where the time goes
        VideoStore videos = Stopwatch.videos(new FirestoreVideoStore(db));
        HistoryService history = new HistoryService(videos, Stopwatch.listing(new FirestoreVideoListing(db)),
                new FirestoreAnalysisStore(db, clock), blobs, clock, Duration.ofHours(1));
        // wired as ApiFunctionConfiguration does: verified tokens are trusted for a minute
        Identity identity = Stopwatch.identity(new CachingIdentity(FirebaseIdentity.forEmulator(auth.hostPort(), auth.projectId()),
                clock, Duration.ofMinutes(1)));
        ApiFunction api = new ApiFunction(history, new ProfileService(new FirestoreProfileStore(db)),
                new Authenticator(identity, new FirstUse(new FirestoreUserStore(db, clock))::accept),
                OpenApiDocument.load(), null, new DeletedVideoCleanup(new FirestoreDeletedVideos(db), blobs, clock), null);

        // Time spent inside the function (token, Firestore, JSON), apart from HTTP and queueing, per kind.
        ConcurrentLinkedQueue<Inside> inside = new ConcurrentLinkedQueue<>();
        app.coherence.core.http.HttpFunction timed = call -> {
            Stopwatch.reset();
            long t = System.nanoTime();
            try {
                return api.apply(call);
            } finally {
                if (measuring) {
                    double total = (System.nanoTime() - t) / 1e6;
                    double token = Stopwatch.tokenNanos() / 1e6;
                    double store = Stopwatch.firestoreNanos() / 1e6;
                    inside.add(new Inside(call.path().equals("/v1/videos") ? "list" : "get", total, token, store,
                            Math.max(0, total - token - store)));
                }
            }
        };
        try (ConnectionThreadServer server = new ConnectionThreadServer(timed)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = server.baseUrl();
            String token = "Bearer " + user.idToken();
            List<String> cursors = cursors(client, base, token);
            System.out.printf(Locale.ROOT, "bench api: %d videos seeded; serving on %s; warming up ...%n", ids.size(), base);
            KeepAliveLoad load = new KeepAliveLoad(server.port(), token, CONNECTIONS);
            // HTTP alone: the same requests to the same server and client, answered at once with a stored answer
            // of the api's own (a page, a video): what the loopback round trip costs before any work is done
            byte[] storedPage = body(client, base + "/v1/videos?limit=20", token);
            byte[] storedVideo = body(client, base + "/v1/videos/" + ids.get(0), token);
            ConnectionThreadServer httpOnly = new ConnectionThreadServer(call -> new app.coherence.core.http.HttpReply(200,
                    "application/json", Map.of(), call.path().equals("/v1/videos") ? storedPage : storedVideo));
            KeepAliveLoad httpOnlyLoad = new KeepAliveLoad(httpOnly.port(), token, CONNECTIONS);
            // all three paths warm, taking turns as the measured blocks do, before any is measured: the JIT then
            // compiles for all (the HTTP server and load client that ours shares with HTTP alone would otherwise be
            // deoptimised when the second handler first runs, and recompiled inside our measured blocks)
            List<com.google.cloud.firestore.Query> pages = floorPages(db, user.uid());
            if (pages.size() - 3 != cursors.size()) {
                throw new IllegalStateException("the floor found " + (pages.size() - 3) + " later pages, the api " + cursors.size());
            }
            warmUp(() -> run(load, ids, cursors, rate, WARM_UP_ROUND_SECONDS),
                    () -> floor(db, pages, ids, rate, WARM_UP_ROUND_SECONDS),
                    () -> run(httpOnlyLoad, ids, cursors, rate, WARM_UP_ROUND_SECONDS));
            System.out.printf(Locale.ROOT, "bench api: %d requests/s for %d s each, ours and the floor taking turns in %d blocks "
                    + "(half list, half get) ...%n", rate, seconds, BLOCKS);
            // alternate blocks: whichever path ran later would otherwise meet a further-warmed emulator and client
            Phase oursPhase = new Phase();
            Phase floorPhase = new Phase();
            Phase httpPhase = new Phase();
            int blockSeconds = Math.max(1, seconds / BLOCKS);
            for (int b = 0; b < BLOCKS; b++) {
                measuring = true;
                oursPhase.measure(firestoreEmulator, () -> run(load, ids, cursors, rate, blockSeconds));
                measuring = false;
                floorPhase.measure(firestoreEmulator, () -> floor(db, pages, ids, rate, blockSeconds));
                httpPhase.measure(firestoreEmulator, () -> run(httpOnlyLoad, ids, cursors, rate, blockSeconds));
            }
            List<Sample> samples = oursPhase.samples;
            List<Sample> floor = floorPhase.samples;
            double[] oursCpu = oursPhase.cpu;
            double[] floorCpu = floorPhase.cpu;
            System.out.println("ours: through HTTP, the token check, the api function and Firestore");
            boolean pass = report(samples, oursPhase.seconds);
            System.out.printf(Locale.ROOT, "the floor: the same reads straight through the Firestore client at %d/s%n", rate);
            report(floor, floorPhase.seconds);
            System.out.println("HTTP alone: the same requests to the same server, answered at once with a stored page or video");
            report(httpPhase.samples, httpPhase.seconds);
            httpOnlyLoad.close();
            httpOnly.close();
            load.close();
            System.out.println("where a request's time goes (ms)     list p50  list p95   get p50   get p95");
            breakdown("token check", inside, Inside::tokenMs);
            breakdown("Firestore", inside, Inside::firestoreMs);
            breakdown("JSON and routing", inside, Inside::restMs);
            breakdown("inside the function", inside, Inside::totalMs);
            breakdown("HTTP (round trip - inside)", httpMs(samples, inside, "list"), httpMs(samples, inside, "get"));
            breakdown("queueing (sent late)", late(samples, "list"), late(samples, "get"));
            // CPU per request, by process: with two cores, what the bench's JVM (load client, HTTP server, api
            // function, Firestore client) spends is taken from the emulator, and the reverse
            System.out.println("CPU per request (ms)                     this JVM  Firestore emulator");
            System.out.printf(Locale.ROOT, "  %-36s %8.2f %8.2f%n", "ours (client, HTTP, function)",
                    1000 * oursCpu[0] / samples.size(), 1000 * oursCpu[1] / samples.size());
            System.out.printf(Locale.ROOT, "  %-36s %8.2f %8.2f%n", "floor (Firestore client only)",
                    1000 * floorCpu[0] / floor.size(), 1000 * floorCpu[1] / floor.size());
            System.out.printf(Locale.ROOT, "  %-36s %8.2f %8.2f%n", "HTTP alone (client and server)",
                    1000 * httpPhase.cpu[0] / httpPhase.samples.size(), 1000 * httpPhase.cpu[1] / httpPhase.samples.size());
            System.out.println("this JVM's CPU per request by threads (ms)   ours    floor");
            threadRows(oursPhase.threads, oursCpu[0], samples.size(), floorPhase.threads, floorCpu[0], floor.size());
            for (String kind : List.of("list", "get")) {
                double ours = percentile(sortedMillis(samples, kind), 95);
                double base95 = percentile(sortedMillis(floor, kind), 95);
                double ratio = ours / Math.max(base95, 0.001);
                System.out.printf(Locale.ROOT, "%-4s p95 ours %.2f ms / floor %.2f ms = %.2fx (target <= 1.5x%s)%n", kind, ours, base95,
                        ratio, base95 < TARGET_P95_MS ? ", and < 20 ms since the floor allows it" : "; the floor itself is >= 20 ms");
                pass &= ratio <= 1.5 && (base95 >= TARGET_P95_MS || ours < TARGET_P95_MS);
                double http95 = percentile(sortedMillis(httpPhase.samples, kind), 95);
                System.out.printf(Locale.ROOT, "     HTTP alone: p95 %.2f ms, %.2fx the floor's p95 before any work is done%n", http95,
                        http95 / Math.max(base95, 0.001));
            }
            System.out.printf(Locale.ROOT, "machine: %d cores, load average %.1f (emulators, client and server share them)%n",
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println(pass ? "bench api: PASS (p95 within 1.5x the floor, and < 20 ms where the floor allows)"
                    : "bench api: FAIL (see the ratios above)");
        } finally {
            db.close();
            firestoreEmulator.stop();
            auth.stop();
        }
        System.exit(0);
    }

    /** One path's measured blocks, added up: its samples, wall seconds, CPU (this JVM, the emulator) and CPU by threads. */
    private static final class Phase {
        final List<Sample> samples = new ArrayList<>();
        double seconds;
        final double[] cpu = new double[2];
        final Map<String, Double> threads = new java.util.TreeMap<>();

        void measure(FirestoreEmulator emulator, Block block) throws Exception {
            long started = System.nanoTime();
            double[] cpuBefore = cpuSeconds(emulator);
            var threadsBefore = ThreadCpu.snapshot();
            samples.addAll(block.run());
            double[] spent = since(cpuBefore, cpuSeconds(emulator));
            ThreadCpu.since(threadsBefore, ThreadCpu.snapshot()).forEach((g, v) -> threads.merge(g, v, Double::sum));
            cpu[0] += spent[0];
            cpu[1] += spent[1];
            seconds += (System.nanoTime() - started) / 1e9;
        }
    }

    /** One block of a path, measured or warming up. */
    private interface Block {
        List<Sample> run() throws Exception;
    }

    /**
     * Runs the three paths at the measured rate, a round each in turn, until the JIT compiler has settled (a
     * round of each in which its threads used under {@link #JIT_SETTLED_SHARE} of a core): measured while it is
     * still compiling, a path pays a share of a core that a long-running instance does not.
     */
    private static void warmUp(Block ours, Block floor, Block httpAlone) throws Exception {
        for (int i = 1; i <= WARM_UP_MAX_ROUNDS; i++) {
            double oursJit = jitShare(ours);
            double floorJit = jitShare(floor);
            double httpJit = jitShare(httpAlone);
            System.out.printf(Locale.ROOT, "bench api: warm-up round %d: JIT compiler used %.0f%% of a core (ours), %.0f%% (floor), "
                    + "%.0f%% (HTTP alone)%n", i, 100 * oursJit, 100 * floorJit, 100 * httpJit);
            if (Math.max(oursJit, Math.max(floorJit, httpJit)) < JIT_SETTLED_SHARE) {
                return;
            }
        }
        System.out.printf(Locale.ROOT, "bench api: the JIT did not settle in %d rounds; measuring anyway%n", WARM_UP_MAX_ROUNDS);
    }

    private static double jitShare(Block round) throws Exception {
        var before = ThreadCpu.snapshot();
        round.run();
        return ThreadCpu.since(before, ThreadCpu.snapshot()).getOrDefault(ThreadCpu.JIT, 0.0) / WARM_UP_ROUND_SECONDS;
    }

    /** CPU seconds used so far by this JVM and by the Firestore emulator's processes. */
    private static double[] cpuSeconds(FirestoreEmulator emulator) {
        double self = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        double other = 0;
        for (ProcessHandle p : emulator.processTree()) {
            other += p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
        }
        return new double[] {self, other};
    }

    /** One row per thread group, then what the process spent beyond them. */
    private static void threadRows(Map<String, Double> ours, double oursTotal, int oursCount, Map<String, Double> floor,
                                   double floorTotal, int floorCount) {
        java.util.Set<String> groups = new java.util.TreeSet<>(ours.keySet());
        groups.addAll(floor.keySet());
        for (String g : groups) {
            if (Math.max(ours.getOrDefault(g, 0.0) / oursCount, floor.getOrDefault(g, 0.0) / floorCount) < 5e-6) {
                continue;
            }
            System.out.printf(Locale.ROOT, "  %-40s %6.2f %6.2f%n", g, 1000 * ours.getOrDefault(g, 0.0) / oursCount,
                    1000 * floor.getOrDefault(g, 0.0) / floorCount);
        }
        double oursJava = ours.values().stream().mapToDouble(Double::doubleValue).sum();
        double floorJava = floor.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "  %-40s %6.2f %6.2f%n", "the rest of the process",
                1000 * Math.max(0, oursTotal - oursJava) / oursCount, 1000 * Math.max(0, floorTotal - floorJava) / floorCount);
    }

    private static double[] since(double[] before, double[] after) {
        return new double[] {after[0] - before[0], after[1] - before[1]};
    }

    /** 500 videos of one user: a mix of statuses, scores, titles and creation times, written in batches. */
    private static List<String> seed(Firestore db, String uid, int count) throws Exception {
        Random random = new Random(42);
        Instant t0 = Instant.parse("2026-01-01T08:00:00Z");
        List<String> ids = new ArrayList<>();
        WriteBatch batch = db.batch();
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "bench%05d", i);
            Instant created = t0.plusSeconds(i * 3600L + random.nextInt(600));
            Video v = Video.reserved(id, uid, "Talk " + random.nextInt(200), "uploads/" + uid + "/" + id, "video/mp4",
                    50_000_000, created, created.plusSeconds(3600)).withStatus(VideoStatus.QUEUED, created)
                    .withStatus(VideoStatus.PROCESSING, created);
            if (i % 25 != 0) {
                int score = 30 + random.nextInt(70);
                ScoreTier tier = ScoreTier.of(score);
                v = v.withCompletion(score, tier, 60 + random.nextInt(600), "thumbnails/" + uid + "/" + id + ".jpg",
                        created.plusSeconds(300));
            }
            batch.set(db.collection("videos").document(id), VideoDocuments.toDocument(v));
            ids.add(id);
            if ((i + 1) % 250 == 0) {
                batch.commit().get(60, TimeUnit.SECONDS);
                batch = db.batch();
            }
        }
        batch.commit().get(60, TimeUnit.SECONDS);
        return ids;
    }

    /** A few nextCursors per sort, so list requests read later pages too. */
    private static List<String> cursors(HttpClient client, String base, String token) throws Exception {
        List<String> out = new ArrayList<>();
        for (String sort : List.of("createdAt", "coherenceScore", "title")) {
            String cursor = null;
            for (int page = 0; page < 4; page++) {
                String url = base + "/v1/videos?limit=20&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor);
                HttpResponse<byte[]> r = client.send(request(url, token), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("list answered " + r.statusCode() + ": " + new String(r.body()));
                }
                JsonNode body = Json.tree(r.body());
                cursor = body.path("nextCursor").asText(null);
                if (cursor == null) {
                    break;
                }
                out.add("sort=" + sort + "&cursor=" + cursor);
            }
        }
        return out;
    }

    /** The open-loop plan (half list, half get, one every 1/rate s) sent over {@code load}'s keep-alive connections. */
    private static List<Sample> run(KeepAliveLoad load, List<String> ids, List<String> cursors, int rate, int seconds)
            throws InterruptedException {
        Random random = new Random(7);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L; // the connections' threads are up before the first is due
        List<KeepAliveLoad.Planned> plan = new ArrayList<>();
        for (int i = 0; i < rate * seconds; i++) {
            boolean list = i % 2 == 0;
            String target;
            if (list) {
                int pick = random.nextInt(cursors.size() + 3);
                String sort = List.of("createdAt", "coherenceScore", "title").get(pick % 3);
                target = "/v1/videos?limit=20&" + (pick < cursors.size() ? cursors.get(pick) : "sort=" + sort);
            } else {
                target = "/v1/videos/" + ids.get(random.nextInt(ids.size()));
            }
            plan.add(new KeepAliveLoad.Planned(list ? "list" : "get", target, start + i * interval));
        }
        List<Sample> samples = new ArrayList<>();
        for (KeepAliveLoad.Answer a : load.run(plan)) {
            samples.add(new Sample(a.request().kind(), a.fromDueNanos() / 1e6, a.status(), a.roundTripNanos() / 1e6,
                    a.lateNanos() / 1e6));
        }
        return samples;
    }

    /**
     * The floor: the reads the api makes for list (a page of 21 in a sort's order) and get (one
     * document), straight through the Firestore client against the same emulator, on the same open-loop
     * schedule. Nothing of ours is in the way: what is left is the emulator, the client and the machine.
     */
    private static List<Sample> floor(Firestore db, List<com.google.cloud.firestore.Query> pages, List<String> ids, int rate,
                                      int seconds) throws Exception {
        Random random = new Random(7); // the same draws as run(): the same pages and videos in the same order
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean list = i % 2 == 0;
            String kind = list ? "list" : "get";
            long sent = System.nanoTime();
            com.google.api.core.ApiFuture<?> read = list
                    ? pages.get(page(random.nextInt(pages.size()), pages.size() - 3)).get()
                    : db.collection("videos").document(ids.get(random.nextInt(ids.size()))).get();
            CompletableFuture<Void> done = new CompletableFuture<>();
            read.addListener(() -> {
                long now = System.nanoTime();
                int status;
                try {
                    read.get();
                    status = 200;
                } catch (Exception e) {
                    status = -1;
                }
                samples.add(new Sample(kind, (now - due) / 1e6, status, (now - sent) / 1e6, (sent - due) / 1e6));
                done.complete(null);
            }, Runnable::run);
            pending.add(done);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return new ArrayList<>(samples);
    }

    /**
     * The floor's list reads, one per page run() may ask for and in the same order: the later pages of
     * each sort that {@link #cursors} found (resumed after the last video of the page before, as the
     * api's cursors resume), then the first page of each sort; each a page of 21 (20 and one to tell
     * whether more follow).
     */
    private static List<com.google.cloud.firestore.Query> floorPages(Firestore db, String uid) throws Exception {
        List<String> sorts = List.of("createdAt", "coherenceScore", "title");
        List<com.google.cloud.firestore.Query> later = new ArrayList<>();
        List<com.google.cloud.firestore.Query> first = new ArrayList<>();
        for (String sort : sorts) {
            com.google.cloud.firestore.Query base = db.collection("videos").whereEqualTo("userId", uid)
                    .orderBy(sort, com.google.cloud.firestore.Query.Direction.DESCENDING)
                    .orderBy(com.google.cloud.firestore.FieldPath.documentId(), com.google.cloud.firestore.Query.Direction.DESCENDING);
            first.add(base.limit(21));
            com.google.cloud.firestore.Query page = base.limit(21);
            for (int p = 0; p < 4; p++) {
                List<com.google.cloud.firestore.QueryDocumentSnapshot> docs = page.get().get(60, TimeUnit.SECONDS).getDocuments();
                if (docs.size() <= 20) {
                    break;
                }
                com.google.cloud.firestore.QueryDocumentSnapshot last = docs.get(19);
                page = base.startAfter(last.get(sort), last.getId()).limit(21);
                later.add(page);
            }
        }
        later.addAll(first);
        return later;
    }

    /** Which of floorPages' reads run()'s pick means: a later page, or the first page of sort {@code pick % 3}. */
    private static int page(int pick, int later) {
        return pick < later ? pick : later + pick % 3;
    }

    private static double[] sortedMillis(List<Sample> samples, String kind) {
        return samples.stream().filter(s -> s.kind().equals(kind)).mapToDouble(Sample::millis).sorted().toArray();
    }

    /** Round trip minus the time inside the function, of one kind, pairing the two distributions by rank. */
    private static double[] httpMs(List<Sample> samples, java.util.Collection<Inside> inside, String kind) {
        double[] trips = samples.stream().filter(s -> s.kind().equals(kind)).mapToDouble(Sample::roundTripMillis).sorted().toArray();
        double[] fn = inside.stream().filter(i -> i.kind().equals(kind)).mapToDouble(Inside::totalMs).sorted().toArray();
        double[] out = new double[Math.min(trips.length, fn.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(0, trips[i] - fn[i]);
        }
        Arrays.sort(out);
        return out;
    }

    private static double[] late(List<Sample> samples, String kind) {
        return samples.stream().filter(s -> s.kind().equals(kind)).mapToDouble(Sample::lateMillis).sorted().toArray();
    }

    private static void breakdown(String what, java.util.Collection<Inside> inside, java.util.function.ToDoubleFunction<Inside> part) {
        breakdown(what, inside.stream().filter(i -> i.kind().equals("list")).mapToDouble(part).sorted().toArray(),
                inside.stream().filter(i -> i.kind().equals("get")).mapToDouble(part).sorted().toArray());
    }

    private static void breakdown(String what, double[] listSorted, double[] getSorted) {
        System.out.printf(Locale.ROOT, "  %-32s %9.2f %9.2f %9.2f %9.2f%n", what, percentile(listSorted, 50), percentile(listSorted, 95),
                percentile(getSorted, 50), percentile(getSorted, 95));
    }

    private static byte[] body(HttpClient client, String url, String token) throws Exception {
        HttpResponse<byte[]> r = client.send(request(url, token), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static HttpRequest request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", token).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static boolean report(List<Sample> samples, double elapsedSeconds) {
        boolean pass = true;
        System.out.printf(Locale.ROOT, "%-6s %7s %7s %8s %8s %8s %8s %8s%n", "kind", "count", "errors", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "mean ms");
        for (String kind : List.of("list", "get", "all")) {
            double[] ms = samples.stream().filter(s -> kind.equals("all") || s.kind().equals(kind))
                    .mapToDouble(Sample::millis).sorted().toArray();
            long errors = samples.stream().filter(s -> (kind.equals("all") || s.kind().equals(kind)) && s.status() != 200).count();
            double p95 = percentile(ms, 95);
            System.out.printf(Locale.ROOT, "%-6s %7d %7d %8.2f %8.2f %8.2f %8.2f %8.2f%n", kind, ms.length, errors,
                    percentile(ms, 50), p95, percentile(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1],
                    Arrays.stream(ms).average().orElse(0));
            if (!kind.equals("all") && errors > 0) {
                pass = false; // the p95 targets are judged against the floor, after it ran
            }
        }
        System.out.printf(Locale.ROOT, "achieved %.1f requests/s over %.1f s%n", samples.size() / elapsedSeconds, elapsedSeconds);
        return pass;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                try {
                    return Integer.parseInt(args[i + 1]);
                } catch (NumberFormatException e) {
                    System.err.println("bench api: " + name + " needs a whole number, got '" + args[i + 1] + "'");
                    System.exit(2);
                }
            }
        }
        return fallback;
    }
}
