package dev.cardminer.io.concepts;

import dev.cardminer.testkit.FakeChatServer;
import dev.cardminer.testkit.FakeChatServer.ChatRequest;
import dev.cardminer.testkit.FakeChatServer.Reply;
import java.time.Duration;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the io tests' fake LLM answers: labels the first word of each sentence and a BERT-family name when
 * present, invents one entity, fails with 500 on the requests {@code fails} names, and waits
 * {@code latency} before each answer.
 */
record FirstWordLabeller(IntPredicate fails, Duration latency) implements FakeChatServer.Behaviour {

    private static final Pattern BERT = Pattern.compile("(?i)[\\w/-]*bert[\\w./-]*");

    /** A server answering so. */
    static FakeChatServer server(IntPredicate fails) {
        return new FakeChatServer(new FirstWordLabeller(fails, Duration.ZERO));
    }

    static FakeChatServer server(IntPredicate fails, Duration latency) {
        return new FakeChatServer(new FirstWordLabeller(fails, latency));
    }

    @Override
    public Reply answer(int number, ChatRequest request) {
        if (fails.test(number)) {
            return Reply.error(500).delayedBy(latency.toMillis());
        }
        String sentence = request.sentence();
        String first = sentence.split("\\s+")[0];
        Matcher m = BERT.matcher(sentence);
        String model = m.find() ? m.group().replaceAll("\\.$", "") + " -|- model -|- a language model\n" : "";
        return Reply.ok(first + " -|- first word -|- the sentence's first word\n" + model
                + "Nowhere To Be Found -|- thing -|- invented\n").delayedBy(latency.toMillis());
    }
}
