package dev.cardminer.classify;

import dev.cardminer.annotate.LlmCache;
import dev.cardminer.annotate.LlmChat;
import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.annotate.PromptTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zero-shot classification by an OpenAI-compatible chat server, through the annotator's client
 * ({@link LlmChat}: same settings, cache, concurrency and retries). The prompt lists the labels with their
 * descriptions and asks for {@code label -|- score} lines; labels outside the set are counted
 * ({@link #outOfSet()}) and dropped. A card whose request fails for good is an abstention.
 */
public final class LlmClassifier implements Classifier, AutoCloseable {

    static final String SYSTEM = "You classify Hugging Face model cards. You answer only with labels from the "
            + "list you are given, one per line, each followed by -|- and your confidence from 0 to 1.";
    static final String USER = """
            Labels:
            {labels}

            Model card:
            {input}

            Which label fits this model best? {how} Answer with lines of the form `label -|- confidence`, \
            best first, using only labels from the list.""";
    /** Characters of the card sent: the headline (name, tags, summary) keeps prompts short. */
    static final int CARD_CHARS = 2000;
    private static final Pattern BULLET = Pattern.compile("^[\\s*\\-\\d.)]*");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(1(?:\\.0+)?|0?\\.\\d+|0)(?![\\w.])");

    private final LlmChat chat;
    private final AtomicLong outOfSet = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /**
     * A classifier over this server and cache, with its own prompt in place of {@code config}'s. Close it when
     * done.
     */
    public LlmClassifier(LlmConfig config, LlmCache cache) {
        PromptTemplate prompt = new PromptTemplate(SYSTEM, USER, PromptTemplate.hash(SYSTEM + "\n" + USER).substring(0, 12));
        this.chat = new LlmChat(config.withPrompt(prompt), cache);
    }

    @Override
    public String method() {
        return "llm";
    }

    @Override
    public String model() {
        return chat.config().model();
    }

    @Override
    public String promptVersion(LabelSet labels) {
        return PromptTemplate.hash(chat.config().prompt().version() + "\n" + labels.version()).substring(0, 12);
    }

    /** Labels the server gave that are not in the label set (dropped). */
    public long outOfSet() {
        return outOfSet.get();
    }

    /** Cards whose request failed for good (abstentions). */
    public long failures() {
        return failures.get();
    }

    /** The chat it sends through, for its counters. */
    public LlmChat chat() {
        return chat;
    }

    @Override
    public List<Classification> classify(List<CardText> cards, LabelSet labels, boolean multiLabel) {
        StringBuilder list = new StringBuilder();
        for (Label l : labels.labels()) {
            list.append("- ").append(l.id()).append(": ").append(l.description()).append('\n');
        }
        String template = USER.replace("{labels}", list.toString().strip())
                .replace("{how}", multiLabel ? "Give every label that fits." : "Give one label, or up to three if unsure.");
        List<Classification> out = new ArrayList<>(cards.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Prediction>>> futures = new ArrayList<>();
            for (CardText card : cards) {
                futures.add(executor.submit(() -> one(template.replace("{input}", card.headline(CARD_CHARS)), labels)));
            }
            for (int i = 0; i < cards.size(); i++) {
                List<Prediction> labelsOfCard;
                try {
                    labelsOfCard = futures.get(i).get();
                } catch (ExecutionException e) {
                    labelsOfCard = List.of();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(f -> f.cancel(true));
                    break;
                }
                out.add(new Classification(cards.get(i).id(), method(), labelsOfCard, cards.get(i).hash()));
            }
        }
        return out;
    }

    private List<Prediction> one(String message, LabelSet labels) throws InterruptedException {
        Optional<LlmCache.Answer> answer = chat.ask(message);
        if (answer.isEmpty()) {
            failures.incrementAndGet();
            return List.of();
        }
        return parse(answer.get().response(), labels);
    }

    /** The labels of an answer, best first; labels outside the set are counted and dropped. */
    List<Prediction> parse(String response, LabelSet labels) {
        Map<String, Prediction> found = new LinkedHashMap<>();
        int rank = 0;
        for (String raw : response.split("\r?\n")) {
            String line = BULLET.matcher(raw.length() > 300 ? raw.substring(0, 300) : raw).replaceFirst("").strip();
            if (line.isEmpty()) {
                continue;
            }
            int cut = line.indexOf("-|-");
            if (cut < 0) {
                cut = line.indexOf(':');
            }
            String label = (cut < 0 ? line : line.substring(0, cut)).replaceAll("[`\"'*]", "").strip().toLowerCase(Locale.ROOT);
            String id = labels.ids().stream().filter(x -> x.toLowerCase(Locale.ROOT).equals(label)).findFirst().orElse(null);
            if (id == null) {
                outOfSet.incrementAndGet();
                continue;
            }
            Matcher number = NUMBER.matcher(cut < 0 ? "" : line.substring(cut));
            double score = number.find() ? Double.parseDouble(number.group(1)) : Math.max(0.1, 0.9 - 0.2 * rank);
            found.putIfAbsent(id, new Prediction(id, score, line));
            rank++;
        }
        List<Prediction> out = new ArrayList<>(found.values());
        out.sort(Comparator.comparingDouble(Prediction::score).reversed());
        return out;
    }

    @Override
    public void close() {
        chat.close();
    }
}
