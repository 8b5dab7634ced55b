package dev.cardminer.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cardminer.hub.HubException.Kind;
import dev.cardminer.hub.internal.Downloader;
import dev.cardminer.hub.internal.HubHttp;
import dev.cardminer.hub.internal.HubUrls;
import dev.cardminer.hub.internal.RepoInfoReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The one client of the Hugging Face Hub's HTTP API in cardminer: model search with pagination, repo
 * info at a revision, raw files and byte ranges at a revision, folder listings and resumable downloads,
 * discussions, and commits that open a pull request.
 *
 * <p>Every request shares one policy (see {@link Builder}): 429 and 5xx answers are retried after the
 * wait that {@code Retry-After} or the {@code RateLimit} headers ask for, one pause for all threads;
 * redirects are followed only to http(s) addresses and {@code HF_TOKEN} goes only to the endpoint's own
 * origin. Failures are {@link HubException}s with one line for people: offline, gated or private, no such
 * repo, revision or file, rate-limited.
 *
 * <pre>{@code
 * HubClient hub = HubClient.create(HubOptions.fromEnvironment());
 * RepoInfo info = hub.modelInfo("openai-community/gpt2", null);
 * byte[] config = hub.readFile(RepoType.MODEL, info.id(), info.sha(), "config.json", 1 << 20);
 * }</pre>
 */
public final class HubClient {

    /** Files read whole into memory are capped; weights are only ever read by range. */
    public static final long DEFAULT_MAX_FILE_BYTES = 32L << 20;

    private static final int PAGE_LIMIT = 1000;
    private static final int MAX_PAGES = 10_000;

    private final HubHttp http;
    private final HubUrls urls;
    private final Downloader downloader;
    private final ObjectMapper json = new ObjectMapper();

    private HubClient(HubHttp http) {
        this.http = http;
        this.urls = new HubUrls(http.options().endpoint());
        this.downloader = new Downloader(http);
    }

    /** A client with the default retry policy and user agent: {@code builder(options).build()}. Thread-safe. */
    public static HubClient create(HubOptions options) {
        return builder(options).build();
    }

    /** A builder for a client with its own retry policy, timer or user agent. */
    public static Builder builder(HubOptions options) {
        return new Builder(options);
    }

    /** The options the client was built with. */
    public HubOptions options() {
        return http.options();
    }

    /**
     * The request budget the Hub reported on its last answer ({@code RateLimit} header), with the time left until
     * its window resets; empty when no answer reported one.
     */
    public Optional<RateLimitStatus> rateLimit() {
        return http.rateLimit();
    }

    /**
     * Makes sure the Hub's reported budget covers {@code requests} more requests: true when it does (or none was
     * reported); when it does not and the window resets within the client's longest wait, waits for the reset;
     * false when the reset is further away or the Hub gave no readable reset, so that a caller can stop before
     * being refused with a 429.
     */
    public boolean reserve(int requests) throws IOException {
        return http.reserve(requests);
    }

    /** Models matching {@code query}, following {@code Link: rel="next"} pages until its limit. */
    public List<RepoInfo> listModels(ModelQuery query) throws IOException {
        List<String> params = new ArrayList<>();
        if (query.search() != null) {
            params.add(HubUrls.query("search", query.search()));
        }
        if (query.author() != null) {
            params.add(HubUrls.query("author", query.author()));
        }
        query.filters().forEach(f -> params.add(HubUrls.query("filter", f)));
        if (query.sort() != null) {
            params.add(HubUrls.query("sort", query.sort()));
            params.add("direction=-1");
        }
        params.add("limit=" + (query.limit() > 0 ? Math.min(query.limit(), PAGE_LIMIT) : PAGE_LIMIT));
        query.expand().forEach(e -> params.add(HubUrls.query("expand[]", e)));
        List<RepoInfo> models = new ArrayList<>();
        URI next = urls.models(String.join("&", params));
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpResponse<byte[]> response = get(next, "the model search");
            if (response.statusCode() != 200) {
                throw refused(response, RepoType.MODEL, null, null, null);
            }
            for (JsonNode m : readJson(response, "the model search", JsonNodeType.ARRAY)) {
                models.add(RepoInfoReader.info(RepoType.MODEL, m));
                if (query.limit() > 0 && models.size() >= query.limit()) {
                    return models;
                }
            }
            next = nextPage(response);
        }
        return models;
    }

    /** A model's info at {@code revision} (null: the default branch). */
    public RepoInfo modelInfo(String repo, String revision) throws IOException {
        return repoInfo(RepoType.MODEL, repo, revision);
    }

    /**
     * A repo's info at {@code revision} (null: the default branch).
     *
     * @throws HubException when the id is not {@code org/name}, or the Hub is unreachable or refuses (no such repo
     *         or revision, gated, rate-limited)
     */
    public RepoInfo repoInfo(RepoType type, String repo, String revision) throws IOException {
        requireRepoId(type, repo);
        HttpResponse<byte[]> response = get(urls.info(type, repo, revision), "the info of " + type.singular() + " " + repo);
        if (response.statusCode() != 200) {
            throw refused(response, type, repo, revision, null);
        }
        return RepoInfoReader.info(type, readJson(response, "the info of " + repo, JsonNodeType.OBJECT));
    }

    /** The files under {@code folder} (empty: all), recursively, in path order, following pagination. */
    public List<RepoFile> listFiles(RepoType type, String repo, String revision, String folder) throws IOException {
        requireRepoId(type, repo);
        List<RepoFile> files = new ArrayList<>();
        URI next = urls.tree(type, repo, revision, folder);
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpResponse<byte[]> response = get(next, "the file list of " + repo);
            if (response.statusCode() != 200) {
                throw refused(response, type, repo, revision, folder);
            }
            for (JsonNode e : readJson(response, "the file list of " + repo, JsonNodeType.ARRAY)) {
                RepoFile f = RepoInfoReader.file(e);
                if (f != null) {
                    files.add(f);
                }
            }
            next = nextPage(response);
        }
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return files;
    }

    /** A file's whole content at a revision; larger than {@code maxBytes} is an error. */
    public byte[] readFile(RepoType type, String repo, String revision, String path, long maxBytes) throws IOException {
        requireRepoId(type, repo);
        String what = path + " of " + repo;
        HttpResponse<InputStream> response = http.open(HubHttp.Call.get(urls.resolve(type, repo, revision, path), what));
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw refused(response, type, repo, revision, path);
            }
            byte[] bytes = readAtMost(body, maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new HubException(Kind.SERVER_ERROR, 200, what + " is larger than " + maxBytes + " bytes", null);
            }
            return bytes;
        }
    }

    /** As {@link #readFile}, empty when the repo has no such file (other failures are still errors). */
    public Optional<byte[]> readFileIfPresent(RepoType type, String repo, String revision, String path, long maxBytes)
            throws IOException {
        try {
            return Optional.of(readFile(type, repo, revision, path, maxBytes));
        } catch (HubException e) {
            if (e.kind() == Kind.MISSING_FILE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * {@code length} bytes of a file from {@code offset} with an HTTP Range request (fewer at the file's
     * end). A server that ignores Range is read only as far as needed.
     */
    public byte[] readRange(RepoType type, String repo, String revision, String path, long offset, int length)
            throws IOException {
        requireRepoId(type, repo);
        HubHttp.Call call = HubHttp.Call.get(urls.resolve(type, repo, revision, path), "bytes of " + path + " of " + repo)
                .withHeader("Range", "bytes=" + offset + "-" + (offset + length - 1));
        HttpResponse<InputStream> response = http.open(call);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 416) {
                return new byte[0];
            }
            if (status == 200) {
                body.skipNBytes(offset);
                return readAtMost(body, length);
            }
            if (status != 206) {
                throw refused(response, type, repo, revision, path);
            }
            return readAtMost(body, length);
        } catch (java.io.EOFException e) {
            return new byte[0];
        }
    }

    /** Downloads a listed file into {@code target} (see {@link Downloader}); {@code progress} gets byte steps. */
    public Path download(RepoType type, String repo, String revision, RepoFile file, Path target, LongConsumer progress)
            throws IOException {
        requireRepoId(type, repo);
        return downloader.download(urls.resolve(type, repo, revision, file.path()), file, target, progress,
                r -> refused(r, type, repo, revision, file.path()));
    }

    /**
     * Called before each page of a listing is asked for, so that a caller can check its request budget first and
     * stop (by throwing) before the Hub would refuse the request.
     */
    @FunctionalInterface
    public interface BeforePage {
        /** About to ask for page {@code page} (from 0). */
        void beforePage(int page) throws IOException;
    }

    /**
     * The repo's discussions and pull requests, newest first, all pages. An answer of another shape than the API's
     * (no {@code discussions} array, an entry without a string {@code title} or a boolean {@code isPullRequest}, an
     * empty page while {@code count} says more) is an error, not fewer discussions: a caller checking for its own pull
     * request must not read a format drift as "none" (huggingface_hub raises on these too).
     */
    public List<Discussion> discussions(RepoType type, String repo) throws IOException {
        return listDiscussions(type, repo, null, page -> { });
    }

    /**
     * The repo's pull requests only, newest first, all pages: the listing with the Hub's {@code type=pull_request}
     * filter (huggingface_hub's {@code discussion_type="pull_request"}), so that plain discussions cost no pages.
     * Checked for shape as {@link #discussions}; {@code beforeEachPage} is called before every page is asked for.
     */
    public List<Discussion> pullRequests(RepoType type, String repo, BeforePage beforeEachPage) throws IOException {
        return listDiscussions(type, repo, "pull_request", beforeEachPage);
    }

    private List<Discussion> listDiscussions(RepoType type, String repo, String discussionType, BeforePage beforeEachPage)
            throws IOException {
        requireRepoId(type, repo);
        String what = "the discussions of " + repo;
        List<Discussion> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            beforeEachPage.beforePage(page);
            HttpResponse<byte[]> response = get(urls.discussions(type, repo, discussionType, page), what);
            if (response.statusCode() != 200) {
                throw refused(response, type, repo, null, null);
            }
            JsonNode body = readJson(response, what, JsonNodeType.OBJECT);
            JsonNode list = body.get("discussions");
            JsonNode count = body.get("count");
            if (list == null || !list.isArray() || count == null || !count.canConvertToInt()) {
                throw unexpected(what, page, list == null || !list.isArray() ? "no \"discussions\" array"
                        : "no number \"count\"");
            }
            for (JsonNode d : list) {
                if (!d.isObject() || !d.path("title").isTextual() || !d.path("isPullRequest").isBoolean()) {
                    throw unexpected(what, page, "entry " + (all.size() + 1) + " has no string \"title\" and boolean "
                            + "\"isPullRequest\"");
                }
                all.add(RepoInfoReader.discussion(d));
            }
            if (all.size() >= count.asInt()) {
                return all;
            }
            if (list.isEmpty()) {
                throw unexpected(what, page, "an empty page after " + all.size() + " of the " + count.asInt()
                        + " it counts");
            }
        }
        return all;
    }

    private static HubException unexpected(String what, int page, String why) {
        return new HubException(Kind.SERVER_ERROR, 200, "the Hub's answer for " + what + " (page " + page
                + ") has an unexpected shape: " + why, null);
    }

    /**
     * Commits {@code files} on top of {@code parentCommit} as a new pull request against {@code revision}
     * (null: main), through the NDJSON commit API. Small text files only (a card): large files would need
     * the LFS upload that this client does not do.
     *
     * @param parentCommit the sha the change was made against, or null; the Hub refuses the commit when
     *                     the branch has moved on and a file changed since
     */
    public CommitResult createPullRequest(RepoType type, String repo, String revision, String parentCommit,
                                          String title, String description, List<CommitFile> files) throws IOException {
        requireRepoId(type, repo);
        Objects.requireNonNull(title, "title");
        StringBuilder ndjson = new StringBuilder();
        ObjectNode header = json.createObjectNode().put("key", "header");
        ObjectNode value = header.putObject("value").put("summary", title)
                .put("description", description == null ? "" : description);
        if (parentCommit != null) {
            value.put("parentCommit", parentCommit);
        }
        ndjson.append(json.writeValueAsString(header)).append('\n');
        for (CommitFile f : files) {
            ObjectNode line = json.createObjectNode().put("key", "file");
            line.putObject("value").put("content", Base64.getEncoder().encodeToString(f.content()))
                    .put("path", f.path()).put("encoding", "base64");
            ndjson.append(json.writeValueAsString(line)).append('\n');
        }
        HubHttp.Call call = new HubHttp.Call("POST", urls.commit(type, repo, revision, true),
                java.util.Map.of("Content-Type", "application/x-ndjson"), ndjson.toString().getBytes(StandardCharsets.UTF_8),
                "a pull request on " + repo);
        HttpResponse<byte[]> response = http.send(call);
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            if (response.statusCode() == 412 || response.statusCode() == 409) {
                throw new HubException(Kind.SERVER_ERROR, response.statusCode(), repo + " changed since commit "
                        + parentCommit + " (HTTP " + response.statusCode() + "); read it again and redo the change", null);
            }
            throw refused(response, type, repo, revision, null, true);
        }
        JsonNode answer = readJson(response, "the pull request on " + repo, JsonNodeType.OBJECT);
        JsonNode url = answer.get("pullRequestUrl");
        if (url == null || !url.isTextual() || url.asText().isBlank() || !answer.path("success").asBoolean(true)) {
            // huggingface_hub reads commit_data["pullRequestUrl"] and fails without it: no address, no pull request
            String error = serverErrors(answer);
            throw new HubException(Kind.SERVER_ERROR, response.statusCode(), "the Hub's answer to the pull request on "
                    + repo + " has no pull request address" + (error.isEmpty() ? "" : " (" + error + ")"), null);
        }
        return new CommitResult(answer.path("commitUrl").asText(null), answer.path("commitOid").asText(null), url.asText());
    }

    private HttpResponse<byte[]> get(URI uri, String what) throws IOException {
        return http.send(HubHttp.Call.get(uri, what));
    }

    /**
     * The answer as JSON of the shape the API gives ({@code shape}: an object or an array); anything else (not JSON,
     * or other JSON such as {@code [1,2,3]} for an object) is one line, not an answer read as empty.
     */
    private JsonNode readJson(HttpResponse<byte[]> response, String what, JsonNodeType shape) throws HubException {
        JsonNode node;
        try {
            node = json.readTree(response.body());
        } catch (IOException e) {
            throw new HubException(Kind.SERVER_ERROR, response.statusCode(), "the Hub's answer for " + what
                    + " is not JSON", e);
        }
        if (node == null || node.getNodeType() != shape) {
            throw new HubException(Kind.SERVER_ERROR, response.statusCode(), "the Hub's answer for " + what
                    + " is not a JSON " + (shape == JsonNodeType.ARRAY ? "array" : "object")
                    + (node == null || node.isMissingNode() ? " (it is empty)" : " (it is " + describe(node) + ")"), null);
        }
        return node;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "something else";
        };
    }

    private static URI nextPage(HttpResponse<?> response) {
        return response.headers().firstValue("Link").flatMap(HubUrls::nextLink)
                .map(l -> response.uri().resolve(l)).orElse(null);
    }

    private static void requireRepoId(RepoType type, String repo) throws HubException {
        if (!HubUrls.isRepoId(repo)) {
            throw new HubException(Kind.NOT_FOUND, 0, "not a " + type.singular() + " id: '"
                    + (repo == null ? "" : repo.replaceAll("\\p{Cntrl}", "?")) + "' (expected org/name)", null);
        }
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long left = max;
        int n;
        while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            out.write(buffer, 0, n);
            left -= n;
        }
        return out.toByteArray();
    }

    /** The Hub's refusal as one line that says what to do. */
    private HubException refused(HttpResponse<?> response, RepoType type, String repo, String revision, String path) {
        return refused(response, type, repo, revision, path, false);
    }

    /**
     * The Hub's refusal as one line that says what to do, with the Hub's own reason where it gave one ({@link
     * #hubReason}). A 401 when a token was sent is the token refused ({@link Kind#TOKEN_REFUSED}: the Hub answers 401
     * for bad credentials, 403 or 404 for a repo the token may not see); a 403 on a commit ({@code commit}) that is
     * not a gate is a token without write access.
     */
    private HubException refused(HttpResponse<?> response, RepoType type, String repo, String revision, String path,
                                 boolean commit) {
        String reason = hubReason(response);
        HubHttp.discard(response);
        int status = response.statusCode();
        String code = response.headers().firstValue("X-Error-Code").orElse("");
        String message = reason.toLowerCase(java.util.Locale.ROOT);
        String what = repo == null ? "the Hub" : type.singular() + " " + repo;
        String said = reason.isEmpty() ? "" : ": " + reason;
        boolean token = options().token() != null;
        if (code.equals("GatedRepo") || (status == 403 && message.contains("gated"))
                || (status == 403 && message.contains("restricted"))) {
            return new HubException(Kind.NO_ACCESS, status, what + " is gated: accept its conditions at "
                    + urls.page(type, repo) + (token ? " with the account of HF_TOKEN" : " and set HF_TOKEN"), null);
        }
        // the token goes to the endpoint's origin only: a 401 from elsewhere (a CDN) says nothing about it
        if (status == 401 && token && !code.equals("RepoNotFound") && HubHttp.sameOrigin(response.uri(), options().endpoint())) {
            return new HubException(Kind.TOKEN_REFUSED, status, "the Hub refused HF_TOKEN (HTTP 401" + said
                    + "): check or renew the token", null);
        }
        if (code.equals("EntryNotFound") || (status == 404 && path != null && !code.equals("RepoNotFound")
                && !code.equals("RevisionNotFound"))) {
            return new HubException(Kind.MISSING_FILE, status, what + " has no " + (path == null ? "such file" : path)
                    + " at revision " + (revision == null ? "main" : revision), null);
        }
        if (code.equals("RevisionNotFound")) {
            return new HubException(Kind.NOT_FOUND, status, what + " has no revision " + revision, null);
        }
        if (code.equals("RepoNotFound") || status == 404) {
            return new HubException(Kind.NOT_FOUND, status, "no " + what + " at " + Redaction.url(options().endpoint())
                    + (token ? "" : " (if it is private, set HF_TOKEN)"), null);
        }
        if (status == 403 && message.contains("discussions") && message.contains("disabled")) {
            return new HubException(Kind.NO_ACCESS, status, "discussions are disabled on " + what + " (HTTP 403" + said
                    + "): no pull request can be opened there", null);
        }
        if (status == 403 && commit && token) {
            return new HubException(Kind.NO_ACCESS, status, "the Hub refused the pull request on " + what + " (HTTP 403"
                    + said + "); HF_TOKEN may lack write access or the permission to open pull requests", null);
        }
        if (status == 401 || status == 403) {
            return new HubException(Kind.NO_ACCESS, status, what + " is private or gated (HTTP " + status + said + "); "
                    + (token ? "HF_TOKEN has no access to it" : "set HF_TOKEN to a token with access"), null);
        }
        return new HubException(Kind.SERVER_ERROR, status, "the Hub answered HTTP " + status + " for " + what
                + (path == null ? "" : " " + path) + said, null);
    }

    /** The most of the Hub's own reason a refusal line shows, in characters. */
    static final int MAX_REASON = 200;

    /**
     * The Hub's own words on a refusal, as huggingface_hub's {@code hf_raise_for_status} gathers them: the {@code
     * X-Error-Message} header, then the JSON body's {@code error} (a string or a list) and {@code errors[].message},
     * else a short body that is neither JSON nor HTML; joined by "; ", on one line, control characters as {@code ?},
     * cut at {@link #MAX_REASON} characters. It is remote text: never more than that, never a line break.
     */
    private String hubReason(HttpResponse<?> response) {
        List<String> said = new ArrayList<>();
        response.headers().firstValue("X-Error-Message").ifPresent(said::add);
        byte[] body = null;
        if (response.body() instanceof byte[] b) {
            body = b;
        } else if (response.body() instanceof InputStream in) {
            try {
                body = readAtMost(in, 16 * 1024);
            } catch (IOException e) {
                body = null;   // the status says enough; a body that broke off adds nothing
            }
        }
        if (body != null && body.length > 0) {
            try {
                JsonNode node = json.readTree(body);
                if (node != null && node.isObject()) {
                    said.add(serverErrors(node));
                }
            } catch (IOException e) {
                String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
                if (!type.contains("html")) {
                    said.add(new String(body, StandardCharsets.UTF_8));
                }
            }
        }
        String joined = String.join("; ", said.stream().map(s -> s.replaceAll("\\s+", " ").strip())
                .filter(s -> !s.isEmpty()).distinct().toList());
        StringBuilder b = new StringBuilder();
        joined.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) || bidi(c) ? '?' : c));
        return b.length() > MAX_REASON ? b.substring(0, MAX_REASON - 1) + "\u2026" : b.toString();
    }

    /** The {@code error} (string or list) and {@code errors[].message} of a Hub answer, joined by "; ". */
    private static String serverErrors(JsonNode answer) {
        List<String> out = new ArrayList<>();
        JsonNode error = answer.get("error");
        if (error != null && error.isArray()) {
            error.forEach(e -> out.add(e.asText()));
        } else if (error != null && error.isValueNode() && !error.isNull()) {
            out.add(error.asText());
        }
        answer.path("errors").forEach(e -> {
            if (e.path("message").isValueNode()) {
                out.add(e.path("message").asText());
            }
        });
        return String.join("; ", out.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** Bidirectional overrides and isolates: remote text must not reorder the line it is shown in. */
    private static boolean bidi(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    /** The client's retry and identity settings. */
    public static final class Builder {
        private final HubOptions options;
        private int maxAttempts = 5;
        private Duration maxWait = Duration.ofSeconds(120);
        private Duration timeout = Duration.ofSeconds(60);
        private HubTimer timer = HubTimer.SYSTEM;
        private String userAgent = "cardminer/0.1";

        private Builder(HubOptions options) {
            this.options = Objects.requireNonNull(options, "options");
        }

        /** Tries per request, the first included, before a 429/5xx is an error (default 5). */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The longest single wait the client accepts; a Hub asking for more is an error at once (default 120 s). */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        /**
         * The longest a request may take, from sending it to the last byte of its answer (default 60 s); a download
         * into the cache may take longer, but fails when nothing comes for this long. A Hub that stops sending is
         * then one line ({@link HubException.Kind#UNREACHABLE}), not a wait for ever.
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Time as the retries see it (tests: a clock that advances on sleep). */
        public Builder timer(HubTimer timer) {
            this.timer = timer;
            return this;
        }

        /** The {@code User-Agent} header sent with every request (default {@code cardminer/0.1}). */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** A client with these settings; the builder may be reused. */
        public HubClient build() {
            return new HubClient(new HubHttp(options, maxAttempts, maxWait, timeout, timer, userAgent));
        }
    }
}
