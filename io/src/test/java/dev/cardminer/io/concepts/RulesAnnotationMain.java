package dev.cardminer.io.concepts;

import dev.cardminer.annotate.AnnotationOutcome;
import dev.cardminer.annotate.Annotation;
import dev.cardminer.annotate.Annotator;
import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.annotate.Sentence;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

/**
 * The rules annotation phase in a process of its own, for a test to interrupt: prints "batch" after each
 * batch is annotated (just before it is written), so the test can signal it around a write. Arguments:
 * store file, batch size.
 */
final class RulesAnnotationMain {

    private RulesAnnotationMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection store = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            AnnotationPhase phase = new AnnotationPhase(store, Integer.parseInt(args[1]));
            Annotator rules = new RuleAnnotator(phase.knownNames());
            Annotator announcing = new Annotator() {
                @Override
                public String name() {
                    return rules.name();
                }

                @Override
                public List<Annotation> annotate(List<Sentence> sentences) {
                    return rules.annotate(sentences);
                }

                @Override
                public AnnotationOutcome annotateAll(List<Sentence> sentences) {
                    AnnotationOutcome outcome = rules.annotateAll(sentences);
                    System.out.println("batch");
                    System.out.flush();
                    return outcome;
                }
            };
            phase.run(announcing, new PrintWriter(new StringWriter()));
            System.out.println("done");
        }
    }
}
