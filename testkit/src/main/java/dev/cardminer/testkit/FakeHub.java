package dev.cardminer.testkit;

import dev.cardminer.testkit.LocalHttpServer.Request;
import dev.cardminer.testkit.LocalHttpServer.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hub-shaped fake on a {@link LocalHttpServer}: repos with files at one revision, served the way the Hub
 * serves them. {@code GET /api/models} (search/author/filter, {@code limit} as the page size, Link rel=next),
 * {@code GET /api/{models|datasets}/{repo}[/revision/{rev}]} (info with siblings and the extra JSON a test
 * gives), {@code /api/.../tree/{rev}/{folder}} (one page per {@link #treePageSize}, Link rel=next),
 * {@code /[datasets/]{repo}/resolve/{rev}/{path}} (files in git answered directly, LFS files redirected to
 * {@link LocalHttpServer#otherHostUri()} {@code /cdn/...}, another origin, which serves byte ranges),
 * discussions, and the NDJSON commit API with {@code create_pr=1}. Gated repos answer 401/403 with
 * {@code X-Error-Code: GatedRepo}; missing repos and files answer as the Hub does. Use {@link #server()} to
 * queue one-shot failures (a 429, a 500) and to read the recorded requests; {@link #rateLimit} emulates the
 * Hub's {@code RateLimit} headers and quota.
 */
public final class FakeHub implements AutoCloseable {

    /** A repo of the fake: {@code type} is {@code models} or {@code datasets}. */
    public final class Repo {
        final String type;
        final String id;
        String sha = "0123456789abcdef0123456789abcdef01234567";
        String extraJson = "";
        boolean gated;
        final Map<String, byte[]> files = new TreeMap<>();
        final Map<String, String> wrongSha = new ConcurrentHashMap<>();
        final List<String> discussions = new ArrayList<>();

        Repo(String type, String id) {
            this.type = type;
            this.id = id;
        }

        /** A file kept in git (answered directly). */
        public Repo file(String path, String text) {
            return file(path, text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * A file with these bytes, at the repo's revision; one of {@link #lfsThreshold} bytes or more is an LFS
         * file. Returns this repo.
         */
        public Repo file(String path, byte[] bytes) {
            files.put(path, bytes);
            return this;
        }

        /** The repo's revision (a commit sha), as info answers give it. Returns this repo. */
        public Repo sha(String sha) {
            this.sha = sha;
            return this;
        }

        /** More top-level fields of the info answer, as JSON members: {@code "downloads": 5, "tags": ["x"]}. */
        public Repo info(String jsonMembers) {
            this.extraJson = jsonMembers;
            return this;
        }

        /** Needs accepted conditions: 401 without a token, 403 with one. */
        public Repo gated() {
            this.gated = true;
            return this;
        }

        /** The listing gives this file a wrong SHA-256 (a corrupt download). */
        public Repo listWrongSha(String path) {
            wrongSha.put(path, "0".repeat(64));
            return this;
        }

        /** A discussion as the Hub lists it, given as JSON members ({@code "num":1,"title":"x",...}). */
        public Repo discussion(String jsonMembers) {
            discussions.add("{" + jsonMembers + "}");
            return this;
        }
    }

    /**
     * A commit the fake received: the NDJSON lines' header and files (base64 decoded).
     *
     * @param repo       the repo id
     * @param revision   the branch or revision committed to
     * @param createPr   whether {@code create_pr=1} was asked for
     * @param headerJson the NDJSON header line's JSON
     * @param files      the files' contents by path
     */
    public record Commit(String repo, String revision, boolean createPr, String headerJson, Map<String, byte[]> files) {
    }

    private static final int LFS_THRESHOLD = 1024;
    private static final Pattern FILE_LINE = Pattern.compile(
            "\"key\"\\s*:\\s*\"file\".*\"content\"\\s*:\\s*\"([^\"]*)\".*\"path\"\\s*:\\s*\"([^\"]*)\"");

    private final LocalHttpServer server;
    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final List<Commit> commits = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Entries per tree page (default 1, so that every listing of two files paginates). */
    public volatile int treePageSize = 1;
    /**
     * Discussions per page of a listing (default 2, so that a few paginate; the Hub's is 50). As the Hub does, a
     * listing honours {@code p} (the page, from 0) and {@code type} ({@code all}, {@code discussion},
     * {@code pull_request}; another is a 400), and {@code count} is the number of discussions of that type.
     */
    public volatile int discussionPageSize = 2;
    /** Files this size or larger are LFS files, redirected to the other origin (default 1 KiB). */
    public volatile int lfsThreshold = LFS_THRESHOLD;

    private volatile int apiQuota = -1;
    private volatile int resetSeconds;
    private final java.util.concurrent.atomic.AtomicInteger apiUsed = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Emulates the Hub's API rate limit: {@code quota} {@code /api/} requests per window, every answer carrying
     * {@code RateLimit: "api";r=<remaining>;t=<resetSeconds>} and {@code RateLimit-Policy}, the request past the
     * quota answered 429 (as hub-docs' rate-limits page describes). The window never resets by itself: see
     * {@link #resetRateLimit()}.
     */
    public FakeHub rateLimit(int quota, int resetSeconds) {
        this.resetSeconds = resetSeconds;
        this.apiUsed.set(0);
        this.apiQuota = quota;
        return this;
    }

    /**
     * As {@link #rateLimit(int, int)}, but the answers say how many requests are left and not when the window resets
     * ({@code RateLimit: "api";r=<remaining>} without {@code t=}, no Retry-After on the 429): a server whose reset
     * a client cannot read.
     */
    public FakeHub rateLimitWithoutReset(int quota) {
        return rateLimit(quota, -1);
    }

    /** A new rate-limit window: the whole quota again. */
    public void resetRateLimit() {
        apiUsed.set(0);
    }

    private LocalHttpServer.Handler budgeted(LocalHttpServer.Handler handler) {
        return (request, groups) -> {
            int quota = apiQuota;
            if (quota < 0) {
                return handler.handle(request, groups);
            }
            int used = apiUsed.incrementAndGet();
            int reset = resetSeconds;
            Response response = used > quota ? Response.text(429, "You have exceeded our API rate limit") : handler.handle(request, groups);
            if (used > quota && reset >= 0) {
                response = response.withHeader("Retry-After", String.valueOf(reset));
            }
            return response.withHeader("RateLimit", "\"api\";r=" + Math.max(0, quota - used) + (reset >= 0 ? ";t=" + reset : ""))
                    .withHeader("RateLimit-Policy", "\"fixed window\";\"api\";q=" + quota + ";w=300");
        };
    }

    private FakeHub(LocalHttpServer server) {
        this.server = server;
        server.onRegex("GET", "/api/models", budgeted(this::listModels));
        server.onRegex("GET", "/api/(models|datasets)/([^/]+/[^/]+)/tree/([^/]+)/?(.*)", budgeted(this::tree));
        server.onRegex("GET", "/api/(models|datasets)/([^/]+/[^/]+)/discussions", budgeted(this::discussions));
        server.onRegex("POST", "/api/(models|datasets)/([^/]+/[^/]+)/commit/([^/]+)", budgeted(this::commit));
        server.onRegex("GET", "/api/(models|datasets)/([^/]+/[^/]+)(?:/revision/([^/]+))?", budgeted(this::info));
        server.onRegex("GET", "/(datasets/)?([^/]+/[^/]+)/resolve/([^/]+)/(.+)", this::resolve);
        server.onRegex("GET", "/cdn/(models|datasets)/([^/]+/[^/]+)/(.+)", this::cdn);
    }

    /** A fake on a new {@link LocalHttpServer}; close it when done. */
    public static FakeHub start() {
        return new FakeHub(LocalHttpServer.start());
    }

    /** The fake's address, the endpoint a client is configured with. */
    public URI endpoint() {
        return server.uri();
    }

    /** The underlying server: queue one-shot answers, read the recorded requests. */
    public LocalHttpServer server() {
        return server;
    }

    /** The model repo with this id, made on first use. */
    public Repo model(String id) {
        return repos.computeIfAbsent("models/" + id, k -> new Repo("models", id));
    }

    /** The dataset repo with this id, made on first use. */
    public Repo dataset(String id) {
        return repos.computeIfAbsent("datasets/" + id, k -> new Repo("datasets", id));
    }

    /** The commits received so far, in order. */
    public List<Commit> commits() {
        synchronized (commits) {
            return List.copyOf(commits);
        }
    }

    /** Requests that reached the other origin (the CDN of LFS files). */
    public List<Request> cdnRequests() {
        return server.requests("/cdn/");
    }

    private Repo repo(String type, String id) {
        return repos.get(type + "/" + id);
    }

    /** null when the request may see the repo, else the Hub's refusal. */
    private static Response access(Repo repo, Request request) {
        if (repo == null) {
            return Response.text(401, "Repository Not Found").withHeader("X-Error-Code", "RepoNotFound");
        }
        if (repo.gated) {
            boolean token = request.header("authorization") != null;
            return Response.text(token ? 403 : 401, "Access to this repo is restricted")
                    .withHeader("X-Error-Code", "GatedRepo")
                    .withHeader("X-Error-Message", "Access to model " + repo.id + " is restricted and you are not in the authorized list.");
        }
        return null;
    }

    private Response listModels(Request request, List<String> groups) {
        Map<String, List<String>> q = query(request.query());
        int limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit").get(0)) : 1000;
        int cursor = q.containsKey("cursor") ? Integer.parseInt(q.get("cursor").get(0)) : 0;
        List<Repo> matching = repos.values().stream().filter(r -> r.type.equals("models"))
                .filter(r -> !q.containsKey("search") || r.id.contains(q.get("search").get(0)))
                .filter(r -> !q.containsKey("author") || r.id.startsWith(q.get("author").get(0) + "/"))
                .filter(r -> q.getOrDefault("filter", List.of()).stream().allMatch(f -> r.extraJson.contains("\"" + f + "\"")))
                .sorted((a, b) -> a.id.compareTo(b.id)).toList();
        StringBuilder json = new StringBuilder("[");
        for (int i = cursor; i < Math.min(cursor + limit, matching.size()); i++) {
            json.append(json.length() > 1 ? "," : "").append(infoJson(matching.get(i), false));
        }
        Response response = Response.json(json.append(']').toString());
        if (cursor + limit < matching.size()) {
            String rest = request.query().replaceAll("&?cursor=\\d+", "");
            response = response.withHeader("Link", "<" + server.uri() + "/api/models?" + rest + "&cursor="
                    + (cursor + limit) + ">; rel=\"next\"");
        }
        return response;
    }

    private Response info(Request request, List<String> groups) {
        Repo repo = repo(groups.get(0), groups.get(1));
        Response refused = access(repo, request);
        if (refused != null) {
            return refused;
        }
        String rev = groups.get(2);
        if (rev != null && !rev.equals("main") && !rev.equals(repo.sha)) {
            return Response.text(404, "Invalid rev id").withHeader("X-Error-Code", "RevisionNotFound");
        }
        return Response.json(infoJson(repo, true));
    }

    private String infoJson(Repo repo, boolean siblings) {
        StringBuilder b = new StringBuilder("{\"_id\":\"x\",\"id\":").append(quote(repo.id))
                .append(",\"sha\":").append(quote(repo.sha)).append(",\"private\":false");
        if (siblings) {
            b.append(",\"siblings\":[");
            int i = 0;
            for (String path : repo.files.keySet()) {
                b.append(i++ > 0 ? "," : "").append("{\"rfilename\":").append(quote(path)).append('}');
            }
            b.append(']');
        }
        if (!repo.extraJson.isBlank()) {
            b.append(',').append(repo.extraJson);
        }
        return b.append('}').toString();
    }

    private Response tree(Request request, List<String> groups) {
        Repo repo = repo(groups.get(0), groups.get(1));
        Response refused = access(repo, request);
        if (refused != null) {
            return refused;
        }
        String folder = groups.get(3);
        List<String> paths = repo.files.keySet().stream()
                .filter(p -> folder.isEmpty() || p.startsWith(folder + "/")).toList();
        if (paths.isEmpty() && !folder.isEmpty()) {
            return Response.text(404, "Entry not found").withHeader("X-Error-Code", "EntryNotFound");
        }
        Map<String, List<String>> q = query(request.query());
        int cursor = q.containsKey("cursor") ? Integer.parseInt(q.get("cursor").get(0)) : 0;
        StringBuilder json = new StringBuilder("[");
        for (int i = cursor; i < Math.min(cursor + treePageSize, paths.size()); i++) {
            String path = paths.get(i);
            byte[] bytes = repo.files.get(path);
            json.append(json.length() > 1 ? "," : "").append("{\"type\":\"file\",\"oid\":\"abc\",\"size\":")
                    .append(bytes.length).append(",\"path\":").append(quote(path));
            if (bytes.length >= lfsThreshold) {
                json.append(",\"lfs\":{\"oid\":\"").append(repo.wrongSha.getOrDefault(path, sha256(bytes)))
                        .append("\",\"size\":").append(bytes.length).append(",\"pointerSize\":134}");
            }
            json.append('}');
        }
        Response response = Response.json(json.append(']').toString());
        if (cursor + treePageSize < paths.size()) {
            response = response.withHeader("Link", "<" + server.uri() + request.path() + "?recursive=true&cursor="
                    + (cursor + treePageSize) + ">; rel=\"next\"");
        }
        return response;
    }

    private Response resolve(Request request, List<String> groups) {
        String type = groups.get(0) == null ? "models" : "datasets";
        Repo repo = repo(type, groups.get(1));
        Response refused = access(repo, request);
        if (refused != null) {
            return refused;
        }
        String rev = groups.get(2);
        if (!rev.equals("main") && !rev.equals(repo.sha)) {
            return Response.text(404, "Invalid rev id").withHeader("X-Error-Code", "RevisionNotFound");
        }
        String path = groups.get(3);
        byte[] bytes = repo.files.get(path);
        if (bytes == null) {
            return Response.text(404, "Entry not found").withHeader("X-Error-Code", "EntryNotFound");
        }
        if (bytes.length >= lfsThreshold) {
            return Response.of(302).withHeader("Location", server.otherHostUri() + "/cdn/" + type + "/" + repo.id + "/" + path);
        }
        return Response.ranged(request, bytes);
    }

    private Response cdn(Request request, List<String> groups) {
        Repo repo = repo(groups.get(0), groups.get(1));
        byte[] bytes = repo == null ? null : repo.files.get(groups.get(2));
        return bytes == null ? Response.of(404) : Response.ranged(request, bytes);
    }

    private Response discussions(Request request, List<String> groups) {
        Repo repo = repo(groups.get(0), groups.get(1));
        Response refused = access(repo, request);
        if (refused != null) {
            return refused;
        }
        Map<String, List<String>> q = query(request.query());
        String type = q.containsKey("type") ? q.get("type").get(0) : "all";
        if (!List.of("all", "discussion", "pull_request").contains(type)) {
            return Response.text(400, "Invalid type");
        }
        int page = q.containsKey("p") ? Integer.parseInt(q.get("p").get(0)) : 0;
        int perPage = discussionPageSize;
        List<String> all;
        synchronized (repo.discussions) {
            all = repo.discussions.stream().filter(d -> type.equals("all")
                    || d.matches(".*\"isPullRequest\"\\s*:\\s*" + type.equals("pull_request") + "\\b.*")).toList();
        }
        long closed = all.stream().filter(d -> d.matches(".*\"status\"\\s*:\\s*\"closed\".*")).count();
        List<String> slice = all.subList(Math.min(page * perPage, all.size()), Math.min((page + 1) * perPage, all.size()));
        return Response.json("{\"discussions\":[" + String.join(",", slice) + "],\"count\":" + all.size()
                + ",\"start\":" + page * perPage + ",\"numClosedDiscussions\":" + closed + "}");
    }

    private Response commit(Request request, List<String> groups) {
        Repo repo = repo(groups.get(0), groups.get(1));
        Response refused = access(repo, request);
        if (refused != null) {
            return refused;
        }
        if (!"application/x-ndjson".equals(request.header("content-type"))) {
            return Response.text(400, "expected application/x-ndjson");
        }
        String[] lines = request.bodyText().split("\n");
        if (lines.length == 0 || !lines[0].contains("\"key\":\"header\"")) {
            return Response.text(400, "the first line must be the header");
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            Matcher m = FILE_LINE.matcher(lines[i]);
            if (!m.find()) {
                return Response.text(400, "bad file line " + i);
            }
            files.put(m.group(2), Base64.getDecoder().decode(m.group(1)));
        }
        Matcher parent = Pattern.compile("\"parentCommit\"\\s*:\\s*\"([^\"]*)\"").matcher(lines[0]);
        if (parent.find() && !parent.group(1).equals(repo.sha)) {
            return Response.text(412, "A commit has happened since. Please refresh and try again.");
        }
        boolean createPr = request.query() != null && request.query().contains("create_pr=1");
        commits.add(new Commit(repo.id, groups.get(2), createPr, lines[0], files));
        int num;
        synchronized (repo.discussions) {
            num = repo.discussions.size() + 1;
            Matcher summary = Pattern.compile("\"summary\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")").matcher(lines[0]);
            repo.discussions.add(0, "{\"num\":" + num + ",\"title\":" + (summary.find() ? summary.group(1) : "\"\"")
                    + ",\"status\":\"open\",\"isPullRequest\":" + createPr + ",\"author\":{\"name\":\"cardminer\"}}");
        }
        String base = server.uri() + "/" + ("datasets".equals(repo.type) ? "datasets/" : "") + repo.id;
        return Response.json("{\"success\":true,\"commitOid\":\"" + "c".repeat(40) + "\",\"commitUrl\":\"" + base
                + "/commit/" + "c".repeat(40) + "\"" + (createPr ? ",\"pullRequestUrl\":\"" + base + "/discussions/" + num + "\"" : "")
                + "}");
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new TreeMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** SHA-256 of {@code bytes}, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
