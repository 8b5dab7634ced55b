package dev.cardminer.cli;

import dev.cardminer.core.CardJson;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.core.RepoIds;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.io.RepoFacts;
import dev.cardminer.io.SourceCard;
import dev.cardminer.suggest.CardPatcher;
import dev.cardminer.suggest.CardSuggestions;
import dev.cardminer.suggest.Conflict;
import dev.cardminer.suggest.DryRunWriter;
import dev.cardminer.suggest.Evidence;
import dev.cardminer.suggest.HubPullRequests;
import dev.cardminer.suggest.Patch;
import dev.cardminer.suggest.PullRequestDraft;
import dev.cardminer.suggest.PullRequestRun;
import dev.cardminer.suggest.PullRequestTexts;
import dev.cardminer.suggest.RepoFileProblem;
import dev.cardminer.suggest.ReviewedDrafts;
import dev.cardminer.suggest.SendLog;
import dev.cardminer.suggest.RepoFiles;
import dev.cardminer.suggest.Suggester;
import dev.cardminer.suggest.Suggestion;
import dev.cardminer.suggest.SuggestionStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code cardminer suggest SOURCE}: metadata the cards' YAML lacks, with evidence, patches and PR drafts. */
@Command(name = "suggest", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Finds metadata that a card's text states and its YAML lacks (base_model and base_model_relation, "
                + "datasets, model-index, pipeline_tag, library_name, license, language, metrics), with the sentence "
                + "each value was read from.",
        "Values that differ from the YAML are reported as conflicts and never patched.",
        "SOURCE: a folder of cards, a .md, .parquet or .jsonl file (as for analyze; several, files and folders "
                + "mixed, are read one after the other), '-' for one card on "
                + "standard input, or one or more hub:org/name[@revision]: each model's card and its repo files "
                + "(adapter_config.json, mergekit_config.yml, config.json, the file list) read from the Hub at one "
                + "commit (a repo without README.md: its files alone, nothing patched); without SOURCE, the cards of the "
                + "store --db names (as analyze stored them).",
        "Exit status: 0 when done (cards with findings or without a patch included), 1 when a pull request failed, "
                + "2 on a usage error, an input that cannot be read or HF_TOKEN refused by the Hub, 3 when the Hub cannot be reached or stops the "
                + "run (rate limit)."})
final class SuggestCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SOURCE",
            description = "Where the cards come from (several files and folders may be given, each card keeping the id "
                    + "it has when its SOURCE is given alone); '-' reads one card from standard input; "
                    + "hub:org/name[@revision] a model of the Hub with its repo files (several may be given, not mixed "
                    + "with other sources); none: the --db store's cards.")
    List<String> sources;

    /** The one SOURCE, or the hub: inputs joined by spaces, or null. */
    private String source;

    @Option(names = "--db", paramLabel = "FILE", description = {"Also store the suggestions in this store's suggestions table, "
            + "for the cards it holds as read (analyze SOURCE --db FILE first; the others are counted in a note);",
            "without SOURCE, read the cards from it too."})
    Path db;

    @Option(names = "--fields", paramLabel = "F", split = "\\s*,\\s*", splitSynopsisLabel = ",", description = "Only these fields (default: all).")
    List<String> fields;

    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0.8",
            description = "Leave out suggestions below this confidence (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(names = "--json", description = "One JSON line per card with suggestions or conflicts.")
    boolean json;

    @Mixin
    TextOrJsonFormat format;

    @Option(names = "--patch-dir", paramLabel = "DIR", description = {
            "Per card: DIR/org__name/README.md (patched), README.md.diff, and the pull request it would be "
                    + "(pr-title.txt, pr-description.md): a dry run, nothing is sent."})
    Path patchDir;

    @Option(names = "--open-prs", description = {
            "Open the pull requests on the Hub (needs --patch-dir and HF_TOKEN): one per repo, none where a "
                    + "cardminer pull request exists, stopping at the first rate limit or refused token.",
            "A --patch-dir that holds the drafts of a dry run sends them as reviewed: as edited, none for a removed "
                    + "draft, and none whose card changed since; an empty one is drafted and sent at once. Each pull "
                    + "request opened is printed and added to DIR/opened-prs.tsv at once; one run per DIR at a time."})
    boolean openPrs;

    @CommandLine.Mixin
    HubInput hubInput;

    @Option(names = "--repo-files", description = {
            "Also read each card's repo files from the Hub at the repo's head (cards whose id is org/name): as "
                    + "hub: inputs get them; stops at the Hub's rate limit (the other cards are read alone, exit 3)."})
    boolean repoFiles;

    @Option(names = "--limit", paramLabel = "N", description = "Read at most N cards.")
    Long limit;

    /** The status of a process that SIGPIPE ended, as shells report it: the reader of standard output went away. */
    static final int OUTPUT_CLOSED = 141;

    @Option(names = "--id", paramLabel = "ORG/NAME", description = {
            "With '-' or one .md file: the card's repo id, for its model-index entry's name, its --patch-dir folder "
                    + "and pull request (default for '-': stdin, and no model-index is patched; for a file: its name, "
                    + "org__name.md as org/name, or a README.md's two folders)."})
    String id;

    @CommandLine.Mixin
    TaskClassifierOptions taskClassifier;

    @Spec
    CommandSpec spec;

    /** With --open-prs: the draft folder's lock and record of opened pull requests, held until the run ends. */
    private SendLog sendLog;

    @Override
    public Integer call() throws Exception {
        try {
            return suggest();
        } finally {
            if (sendLog != null) {
                sendLog.close();
            }
        }
    }

    private Integer suggest() throws Exception {
        json = format.json(spec.commandLine(), json);
        if (limit != null) {
            OptionRules.atLeast(spec.commandLine(), "--limit", limit, 0);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<HubInput.Ref> hubRefs = hubRefs();
        source = sources == null || sources.isEmpty() ? null : String.join(" ", sources);
        HubOptions hub = HubSettings.options(hubInput.hubEndpoint, null);
        // several local SOURCEs (files and folders): read one after the other, each as it is read alone
        List<String> locals = hubRefs.isEmpty() && sources != null && sources.size() > 1 ? List.copyOf(sources) : List.of();
        boolean oneFile = source != null && locals.isEmpty() && !"-".equals(source) && !source.startsWith("hub:")
                && Files.isRegularFile(Path.of(source)) && source.toLowerCase(Locale.ROOT).endsWith(".md");
        if (id != null && !locals.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--id names one card: give it with one .md "
                    + "file, not with " + locals.size() + " SOURCEs (their cards' ids come from their files' names)");
        }
        if (id != null && !"-".equals(source) && !oneFile
                && !(source != null && source.endsWith(".md") && Files.notExists(Path.of(source)))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--id names one card: give it with '-' or one "
                    + ".md file (other sources give their cards' ids)");
        }
        Optional<String> badId = id == null ? Optional.empty() : RepoIds.problem(id);
        if (badId.isPresent()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--id " + CardFiles.oneLine(id) + ": " + badId.get());
        }
        if (openPrs && "-".equals(source) && id == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--open-prs with '-' needs --id org/name: "
                    + "a card from standard input has no repo to send a pull request to");
        }
        Path guessed = null;
        String guessedFrom = source;
        for (String s : openPrs && id == null ? (locals.isEmpty() ? java.util.Collections.singletonList(source) : locals)
                : List.<String>of()) {
            guessed = readmeNamedByItsFolders(s);
            if (guessed != null) {
                guessedFrom = s;
                break;
            }
        }
        if (guessed != null) {
            boolean file = Files.isRegularFile(Path.of(guessedFrom));
            // Its id comes from the names of the folders it sits in (a clone in ~/code/my-model is "code/my-model"):
            // a pull request must not go to a repo that was guessed.
            throw new CommandLine.ParameterException(spec.commandLine(), "--open-prs with "
                    + (file ? "a README.md file" : "a folder whose own README.md is a card")
                    + (locals.isEmpty() ? "" : " (" + CardFiles.oneLine(guessedFrom) + ")") + " needs "
                    + (file ? "" : "that file with ") + "--id org/name" + (locals.isEmpty() ? "" : ", given alone")
                    + ": its repo would be guessed from the folders it is in ("
                    + CardFiles.oneLine(CardSources.cardId(guessed, guessed)) + ")");
        }
        for (String s : locals.isEmpty() && source != null ? java.util.Collections.singletonList(source) : locals) {
            if (!"-".equals(s)) {
                CardFiles.refuseEmptyFolder(spec.commandLine(), s);
            }
        }
        if (source == null && db == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a SOURCE, or --db FILE to read the cards of a store");
        }
        if (source == null && patchDir != null) {
            // The store keeps the body and the metadata as JSON, not the card as written: a patch of the rebuilt text
            // would rewrite the whole metadata block.
            throw new CommandLine.ParameterException(spec.commandLine(), "--patch-dir needs the cards as written: "
                    + "give their SOURCE (the store keeps their metadata as JSON, not their YAML)");
        }
        if (openPrs && (patchDir == null || hub.token() == null)) {
            err.println("cardminer suggest: --open-prs needs --patch-dir (the drafts are written there first) and HF_TOKEN");
            err.flush();
            return 2;
        }
        List<PullRequestDraft> toOpen = new ArrayList<>();
        // with --open-prs, drafts refused before sending (a nested README.md), told first with the outcomes
        List<PullRequestRun.Outcome> notSent = new ArrayList<>();
        Suggester suggester;
        AutoCloseable plugged;
        try {
            Suggester.Builder builder = Suggester.builder().fields(fields).minConfidence(minConfidence);
            plugged = taskClassifier.apply(builder);
            suggester = builder.build();
        } catch (IllegalArgumentException e) { // --fields or --min-confidence: a usage error, exit 2
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (patchDir != null) {
            OutputPaths.checkFolder("--patch-dir", patchDir);
        }
        CardPatcher patcher = new CardPatcher();
        DryRunWriter drafts = patchDir == null ? null : new DryRunWriter(patchDir);
        boolean holdsDrafts = false;
        if (patchDir != null && Files.isDirectory(patchDir)) {
            try (var entries = Files.list(patchDir)) {
                // the lock and the record of opened pull requests are no drafts
                holdsDrafts = entries.anyMatch(e -> !e.getFileName().toString().equals(SendLog.LOCK)
                        && !e.getFileName().toString().equals(SendLog.FILE));
            }
        }
        // --open-prs on a folder of drafts sends them as the reviewer left them; on an empty one it drafts and sends
        ReviewedDrafts reviewed = openPrs && holdsDrafts ? new ReviewedDrafts(patchDir) : null;
        if (openPrs) {
            try {
                sendLog = SendLog.open(patchDir);
            } catch (SendLog.BusyException e) {
                err.println("cardminer suggest: " + CardFiles.oneLine(e.getMessage()));
                err.flush();
                return OneLineErrorHandler.IO_ERROR;
            }
        }
        if (reviewed != null) {
            err.println("cardminer suggest: note: sending the drafts in " + CardFiles.oneLine(patchDir.toString())
                    + " as they are (reviewed): none is written again; a repo whose draft is not there is not sent");
        } else if (holdsDrafts) {   // earlier drafts would mix with this run's and look like its own
            err.println("cardminer suggest: note: " + CardFiles.oneLine(patchDir.toString()) + " is not empty: "
                    + "drafts of this run replace those of the same repos, other folders there are from before");
        }
        long seen = 0;
        long withSuggestions = 0;
        long suggestionCount = 0;
        long conflictCount = 0;
        long patched = 0;
        long unwritten = 0;
        boolean closed = false;
        SourceNotes notes = new SourceNotes("suggest", err);
        // With --patch-dir, drafts written so far by id without case (the Hub's ids are not told apart by case): a
        // source may hold one id twice; each card keeps its own draft and only an id's first draft may be sent.
        Map<String, Integer> draftedIds = new HashMap<>();
        // A card from standard input without --id has no repo id: no model name to give a model-index entry.
        boolean unnamed = "-".equals(source) && id == null;
        // Rows only for cards the store holds in the version read: the table describes the store's cards (the explorer
        // shows them beside the card's body), so a card it lacks, or holds in another version, gets none.
        List<SuggestionStore.Read> toStore = new ArrayList<>();
        NotStored notStored = new NotStored();
        int unsaved = 0;
        HubModelCards models = hubRefs.isEmpty() ? null : new HubModelCards(hubRefs, hubInput);
        LocalSources several = locals.isEmpty() ? null
                : new LocalSources(locals, hub, (s, read) -> SourceNotes.skipped("suggest", s, read, err));
        // the SOURCEs (of several) that gave a card read and that gave one not read: a named file that gave none is
        // an unreadable input (exit 2), as for one SOURCE
        Set<String> gaveCards = new HashSet<>();
        Set<String> gaveUnreadable = new HashSet<>();
        RepoFilesLookup lookup = repoFiles && models == null ? new RepoFilesLookup(hubInput, err) : null;
        // Ctrl-C with --db: the suggestion rows of the cards committed so far stay; a re-run ends as an uninterrupted run.
        try (plugged; InterruptNotice interrupted = InterruptNotice.register(err, "cardminer suggest: interrupted; "
                     + (db != null ? "the suggestion rows stored so far are kept; run again to finish"
                     : patchDir != null ? "the drafts written so far are in " + CardFiles.oneLine(patchDir.toString())
                     + " (a run again writes them again)" : "the cards after the last one printed were not read"), false);
             CardStore store = db == null ? null : CardStore.openExisting(db);
             CardSource cards = source == null ? CardSources.store(store) : source.equals("-") ? stdin(err)
                     : models != null ? models : several != null ? several : oneFile && id != null ? withId(source)
                     : CardSources.open(source, hub, ProgressOutput.none())) {
            if (cards == null) {
                return 2;
            }
            SuggestionStore rows = store == null ? null : new SuggestionStore(store.connection());
            Connection c = store == null ? null : store.connection();
            if (c != null) {
                c.setAutoCommit(false);
            }
            // cards without findings print nothing, so no failed write would say that the reader went away
            StdoutReaderProbe reader = new StdoutReaderProbe();
            for (SourceCard sc; (limit == null || seen < limit) && (sc = cards.next()) != null; ) {
                if (reader.gone()) {
                    closed = true;
                    break;
                }
                String from = several != null ? several.current() : source;   // null: the store
                if (sc.failure() != null) {
                    notes.unreadable(sc);
                    gaveUnreadable.add(from);
                    continue;
                }
                gaveCards.add(from);
                seen++;
                ModelCard card = sc.text() != null ? ModelCard.parse(sc.id(), sc.text()) : ModelCard.parse(sc.id(), sc.utf8());
                tooLarge(card, err);
                String noCard = models != null ? models.noCard() : null;
                if (noCard != null) {
                    err.println(CardFiles.oneLine("suggest: " + sc.origin() + ": no README.md at revision " + noCard
                            + ": its repo files are read alone, and there is no card to patch"));
                    err.flush();
                }
                CardSuggestions found = suggester.suggest(card, models != null ? models.files()
                        : lookup != null ? lookup.of(card.id()) : RepoFiles.NONE);
                for (RepoFileProblem p : found.problems()) {
                    // a file that is no JSON stops nothing: located, said, and the card and the other files are read
                    err.println(CardFiles.oneLine("suggest: " + card.id() + ": " + p.located()));
                    err.flush();
                }
                if (rows != null && source == null) {
                    rows.write(found);
                    // a page at a time, as below: a run stopped midway keeps the cards it wrote
                    if (++unsaved == STORE_PAGE) {
                        c.commit();
                        unsaved = 0;
                    }
                } else if (rows != null) {
                    toStore.add(new SuggestionStore.Read(found, sc.contentHash()));
                    if (toStore.size() == STORE_PAGE) {
                        notStored.add(rows.writeHeld(toStore));
                        toStore.clear();
                        c.commit();   // each card's rows are replaced whole within a page, so any page boundary is safe
                    }
                }
                if (found.isEmpty()) {
                    continue;
                }
                withSuggestions++;
                suggestionCount += found.suggestions().size();
                conflictCount += found.conflicts().size();
                if (json) {
                    out.println(CardJson.mapper().writeValueAsString(toJson(found)));
                } else {
                    printSummary(out, found, source == null);
                }
                if (drafts != null && !found.suggestions().isEmpty() && noCard != null) {
                    // a pull request would create the card: a maintainer's job, not a bot's one-line metadata fix
                    note(out, err, card.id(), "no patch: the repo has no README.md; suggest patches a card, it does "
                            + "not create one");
                } else if (drafts != null && !found.suggestions().isEmpty()) {
                    Patch patch = unnamed ? patcher.patch(card, found.suggestions(), null)
                            : patcher.patch(card, found.suggestions());
                    String nested = openPrs ? notARepoRoot(from, sc) : null;
                    if (patch.ok() && nested != null) {
                        // checkpoint-500/README.md in a clone: its id comes from folders that are no repo
                        notSent.add(new PullRequestRun.Outcome(card.id(), PullRequestRun.Status.SKIPPED_NOT_A_REPO,
                                CardFiles.oneLine(nested) + " is not at org/name/README.md in SOURCE (a README.md in "
                                        + "a repo's folders, such as checkpoint-500/, is no repo's card): nothing sent"));
                    }
                    if (patch.ok() && reviewed != null) {
                        if (nested == null && draftedIds.merge(card.id().toLowerCase(Locale.ROOT), 1, Integer::sum) == 1) {
                            // what is sent is the reviewed folder's; this draft says which card and repo it is for
                            toOpen.add(PullRequestTexts.draft(card.id(), patch, card.text(), found.conflicts()));
                        }
                    } else if (patch.ok()) {
                        PullRequestDraft draft = PullRequestTexts.draft(card.id(), patch, card.text(), found.conflicts());
                        try {
                            Path folder = drafts.write(draft);
                            Files.writeString(folder.resolve(CardPatcher.README), patch.patched(), StandardCharsets.UTF_8);
                            patched++;
                            int nth = draftedIds.merge(card.id().toLowerCase(Locale.ROOT), 1, Integer::sum);
                            if (nth > 1 || !folder.equals(DryRunWriter.folder(patchDir, draft.repo()))) {
                                note(out, err, card.id(), (nth > 1 ? "draft " + nth + " for this id in the source"
                                        : "an id read before has the same folder name") + ": its own patch is in " + folder
                                        + (openPrs && nth > 1 ? "; no pull request for it (only an id's first draft is sent)" : ""));
                            }
                            if (openPrs && nth == 1 && nested == null) {
                                toOpen.add(draft); // the run skips, with a line, ids that are no Hub repo
                            }
                        } catch (IOException e) {
                            // one card's folder (a name the file system refuses, a file in the way) stops no other
                            unwritten++;
                            note(out, err, card.id(), "no patch written: " + OneLineErrorHandler.describe(e));
                        }
                    } else {
                        note(out, err, card.id(), "no patch: " + patch.failure());
                    }
                    for (Patch.LeftOut left : patch.leftOut()) {
                        String why = left.reason();
                        if (unnamed && why.startsWith("no model name")) {
                            why += "; give --id org/name";
                        }
                        note(out, err, card.id(), "not patched: " + left.suggestion().field() + " = "
                                + shown(left.suggestion().value()) + ": " + why);
                    }
                }
                if (outputClosed(out)) {
                    // `suggest ... | head`: nobody reads on, so nothing more is read (the rows stored so far and the
                    // drafts of the cards shown are kept; no pull request is sent: the run was cut short)
                    closed = true;
                    break;
                }
            }
            if (rows != null && !toStore.isEmpty()) {
                notStored.add(rows.writeHeld(toStore));
            }
            if (c != null) {
                c.commit();
            }
            if (notStored.count > 0) {
                // analyze reads no standard input: for '-' the card's file is the thing to analyse
                err.printf("cardminer suggest: note: %,d of the cards read %s not in %s as read (not analysed there, or "
                        + "changed since): no suggestion rows stored for %s (first: %s); run analyze %s --db %s first%n",
                        notStored.count, notStored.count == 1 ? "is" : "are", CardFiles.oneLine(db.toString()),
                        notStored.count == 1 ? "it" : "them", CardFiles.oneLine(notStored.first),
                        source.equals("-") ? "on the card's file" : several != null ? "on each SOURCE"
                                : CardFiles.oneLine(source), CardFiles.oneLine(db.toString()));
            }
            if (lookup != null) {
                lookup.finish();
            }
            notes.finish(source != null ? source : db.toString(), cards);
        }
        if (closed) {
            return OUTPUT_CLOSED;
        }
        if (!json) {
            out.printf("%,d card%s, %,d with findings: %,d suggestion%s, %,d conflict%s%s%n", seen, seen == 1 ? "" : "s", withSuggestions,
                    suggestionCount, suggestionCount == 1 ? "" : "s", conflictCount, conflictCount == 1 ? "" : "s", drafts == null ? ""
                    : reviewed != null ? String.format(", %,d patched (the reviewed drafts in %s are sent as they are)",
                    toOpen.size(), patchDir)
                    : String.format(", %,d patched in %s%s", patched, patchDir, unwritten == 0 ? "" : String.format(
                            " (%,d could not be written)", unwritten)));
        }
        int exit = models != null && models.failed() || lookup != null && lookup.stopped() ? OneLineErrorHandler.HUB_UNAVAILABLE
                : models != null && models.unavailable() ? OneLineErrorHandler.IO_ERROR : 0;
        if (unwritten > 0) {
            exit = Math.max(exit, OneLineErrorHandler.IO_ERROR);   // drafts asked for and not written: as any unwritable output
        }
        gaveUnreadable.removeAll(gaveCards);
        if (gaveUnreadable.stream().anyMatch(s -> s != null && !"-".equals(s) && !s.startsWith("hub:")
                && !Files.isDirectory(Path.of(s)))) {
            // A card file (of one SOURCE or several) that cannot be read is an unreadable input, as check and card
            // say (exit 2); the others are read all the same.
            exit = Math.max(exit, OneLineErrorHandler.IO_ERROR);
        }
        if (openPrs) {
            exit = Math.max(exit, openPullRequests(hub, toOpen, notSent, reviewed, models, hubRefs, out, err));
        }
        out.flush();
        return exit;
    }

    /**
     * Sends the drafts: each outcome printed as soon as it is known, and each opened pull request appended to the
     * draft folder's record before the next is tried, so that a run cut short (Ctrl-C, kill -9) has said and kept
     * every pull request it opened. Returns the exit status of the sending.
     */
    private int openPullRequests(HubOptions hub, List<PullRequestDraft> toOpen, List<PullRequestRun.Outcome> notSent,
                                 ReviewedDrafts reviewed,
                                 HubModelCards models, List<HubInput.Ref> hubRefs, PrintWriter out, PrintWriter err) {
        // with --json, standard output stays one JSON line per card: the outcomes go beside it, as the notes do
        PrintWriter report = json ? err : out;
        String record = CardFiles.oneLine(patchDir.resolve(SendLog.FILE).toString());
        List<PullRequestRun.Outcome> outcomes = new ArrayList<>();
        java.util.function.Consumer<PullRequestRun.Outcome> tell = o -> {
            if (o.status() == PullRequestRun.Status.OPENED) {
                try {
                    sendLog.record(o.repo(), o.detail());
                } catch (IOException e) {
                    err.println("cardminer suggest: " + CardFiles.oneLine(o.repo()) + ": opened, but not recorded in "
                            + record + ": " + OneLineErrorHandler.describe(e));
                }
            }
            outcomes.add(o);
            report.printf("%s %s: %s%n", o.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    CardFiles.oneLine(o.repo()), CardFiles.oneLine(String.valueOf(o.detail())));
            report.flush();
        };
        notSent.forEach(tell);
        List<PullRequestDraft> send = new ArrayList<>();
        for (PullRequestDraft d : toOpen) {
            if (sendLog.opened(d.repo())) {
                tell.accept(new PullRequestRun.Outcome(d.repo(), PullRequestRun.Status.SKIPPED_EXISTING,
                        "opened by an earlier run (" + record + ")"));
                continue;
            }
            if (reviewed != null) {
                ReviewedDrafts.Read read = reviewed.read(d);
                if (read.draft() == null) {
                    tell.accept(new PullRequestRun.Outcome(d.repo(), read.skipped()
                            ? PullRequestRun.Status.SKIPPED_NOT_REVIEWED : PullRequestRun.Status.FAILED, read.why()));
                    continue;
                }
                d = read.draft();
            }
            send.add(d);
        }
        // hub:org/name@REV: its card and files are of REV, and the Hub makes the pull request from that commit
        Set<String> mustBeHead = new HashSet<>();
        hubRefs.stream().filter(r -> r.revision() != null && !r.revision().equals("main")).forEach(r -> mustBeHead.add(r.id()));
        HubClient client = HubClient.builder(hub).maxAttempts(1).build();
        try (InterruptNotice interrupted = InterruptNotice.register(err, "cardminer suggest: interrupted; the pull "
                + "requests opened so far are listed above and in " + record + "; run again: their repos are skipped", false)) {
            // a model read from the Hub gets its pull request against the commit its card and files were read at
            new PullRequestRun(new HubPullRequests(client)).open(send, models == null ? Map.of() : models.revisions(),
                    mustBeHead, tell);
        }
        PullRequestRun.Summary summary = PullRequestRun.Summary.of(outcomes);
        report.println("pull requests: " + summary);
        report.flush();
        return exitStatus(summary);
    }

    /**
     * The hub: inputs, checked before any request (a malformed one is a usage error); none when SOURCE is no hub:
     * input. hub: inputs are not mixed with other sources, nor is '-' (one card from standard input).
     */
    private List<HubInput.Ref> hubRefs() {
        if (sources == null || sources.isEmpty()) {
            return List.of();
        }
        long refs = sources.stream().filter(SuggestCommand::isModel).count();
        if (sources.size() > 1 && sources.contains("-")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "'-' reads one card from standard input: "
                    + "give it alone, not with other sources");
        }
        if (sources.size() > 1 && sources.contains(CardSources.HUB)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "hub: (the Hub's model-card dataset) is read "
                    + "alone, not with other sources");
        }
        if (refs > 0 && refs < sources.size()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "hub:org/name inputs cannot be mixed with other sources");
        }
        List<HubInput.Ref> out = new ArrayList<>();
        for (String s : sources.stream().filter(SuggestCommand::isModel).toList()) {
            try {
                out.add(HubInput.ref(s));
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), CardFiles.oneLine(s + ": " + e.getMessage()));
            }
        }
        return out;
    }

    /** Whether SOURCE names one model of the Hub: {@code hub:} alone is the Hub's model-card dataset, as for analyze. */
    private static boolean isModel(String source) {
        return HubInput.isRef(source) && !source.equals(CardSources.HUB);
    }

    /**
     * 2 when the Hub refused the token (as for a token refused before any request), 3 when the Hub could not be
     * reached or stopped the run (rate limit), 1 when a pull request failed otherwise.
     */
    static int exitStatus(PullRequestRun.Summary summary) {
        if (summary.tokenRefused()) {
            return OneLineErrorHandler.IO_ERROR;
        }
        if (summary.hubUnavailable()) {
            return OneLineErrorHandler.HUB_UNAVAILABLE;
        }
        return summary.failed() > 0 ? PULL_REQUEST_FAILED : 0;
    }

    /** Cards whose suggestions are checked against the store's cards in one query. */
    private static final int STORE_PAGE = 256;

    /** Some pull request could not be opened (not found, no access, refused): as {@code check}'s 1 on an error. */
    static final int PULL_REQUEST_FAILED = 1;

    /**
     * A line about one card's patch: under the card's summary, or, with --json (standard output stays one JSON line
     * per card), beside it on standard error with the card's id.
     */
    private void note(PrintWriter out, PrintWriter err, String cardId, String what) {
        if (json) {
            err.println(CardFiles.oneLine(cardId) + ": " + CardFiles.oneLine(what));
        } else {
            out.println("  (" + CardFiles.oneLine(what) + ")");
        }
    }

    /**
     * The parser's {@code body-too-large} warning, located as check gives it: the extractors read the same first
     * 256 KiB of the body that analyze reads, and say so.
     */
    private static void tooLarge(ModelCard card, PrintWriter err) {
        for (Problem p : card.problems()) {
            if (p.code().equals(ProblemCodes.BODY_TOO_LARGE)) {
                err.println(CardFiles.oneLine("suggest: " + card.id() + ":" + p.located() + "; suggestions are read from that part only"));
                err.flush();
            }
        }
    }

    /**
     * For a card read from a folder SOURCE as a README.md that is not {@code org/name/README.md} in it (a checkpoint's
     * or an export's README.md inside a cloned repo: {@code acme/model-a/onnx/README.md} reads as {@code model-a/onnx}),
     * its path in SOURCE; null for every other card.
     */
    private static String notARepoRoot(String source, SourceCard sc) {
        if (source == null || "-".equals(source) || source.startsWith("hub:") || sc.origin() == null
                || !Files.isDirectory(Path.of(source))) {
            return null;
        }
        Path file = Path.of(sc.origin());
        if (file.getFileName() == null || !file.getFileName().toString().equalsIgnoreCase(CardPatcher.README)) {
            return null;
        }
        Path relative = Path.of(source).toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        return relative.getNameCount() == 3 ? null : relative.toString();
    }

    /**
     * The README.md file {@code source} is, or a folder's own README.md, whose id comes from the folders above it;
     * null for other sources.
     */
    private static Path readmeNamedByItsFolders(String source) {
        if (source == null || "-".equals(source) || source.startsWith("hub:")) {
            return null;
        }
        Path path = Path.of(source);
        Path readme = Files.isDirectory(path) ? path.resolve("README.md") : path;
        return Files.isRegularFile(readme) && readme.getFileName().toString().equalsIgnoreCase("README.md") ? readme : null;
    }

    /** The card of one file under the repo id {@code --id} gives it. */
    private CardSource withId(String file) throws IOException {
        try (CardSource one = CardSources.markdown(Path.of(file))) {
            SourceCard sc = one.next();
            return CardSources.of(new SourceCard(id, sc.origin(), sc.text(), sc.utf8(), RepoFacts.NONE, sc.failure()));
        }
    }

    /**
     * Whether standard output was closed by its reader (a pipe into {@code head}): the writer keeps no error of its
     * own, the {@code System.out} under it does.
     */
    static boolean outputClosed(PrintWriter out) {
        return out.checkError() || System.out.checkError();
    }

    /** One card read from standard input as {@code check} and {@code card} read it (id "stdin", or --id); null when unreadable. */
    private CardSource stdin(PrintWriter err) {
        CardFiles.Read read = CardFiles.readOrExplain("suggest", "-", System.in, new HubInput(), err);
        if (read.input() == null) {
            err.flush();
            return null;
        }
        return CardSources.of(SourceCard.ofBytes(id != null ? id : read.input().id(), read.input().name(),
                read.input().bytes(), RepoFacts.NONE));
    }

    private static void printSummary(PrintWriter out, CardSuggestions found, boolean fromStore) {
        out.println(CardFiles.oneLine(found.id()));
        for (Suggestion s : found.suggestions()) {
            out.printf("  + %s = %s  (%.2f %s, %s)%n", s.field(), shown(s.value()), s.confidence(), s.method(),
                    where(s.evidence(), fromStore));
        }
        for (Conflict c : found.conflicts()) {
            out.printf("  ! %s: YAML has %s, %s %s  (%.2f %s, %s)%n", c.field(), shown(c.yamlValue()),
                    c.suggestion().evidence().fromFile() ? "the repo's " + CardFiles.oneLine(c.suggestion().evidence().file()) + " says"
                            : c.suggestion().evidence().line() == 0 ? "the repo id says" : "the text says",
                    shown(c.suggestion().value()), c.suggestion().confidence(), c.suggestion().method(),
                    where(c.suggestion().evidence(), fromStore));
        }
    }

    /**
     * Body evidence by its line; metadata evidence by its line in the block (a tag's own line), or without a line when
     * the cards come from a store; the repo id by name.
     */
    private static String where(Evidence e, boolean fromStore) {
        if (e.fromFile()) {   // "adapter_config.json, line 3: "base_model_name_or_path": "org/x"", or the file's name alone
            return CardFiles.oneLine(e.line() > 0 ? e.file() + ", line " + e.line() + ": " + shown(e.text())
                    : "the repo has " + e.file());
        }
        if (e.line() == 0) {
            return "from the repo id";
        }
        if (fromStore && e.start() < 0) {   // the store keeps metadata as one JSON line: its line is none of the card's
            return "metadata";
        }
        return e.start() >= 0 ? "line " + e.line() : "metadata, line " + e.line();
    }

    private static String shown(Object value) {
        String s = value instanceof Map<?, ?> m && m.get("metric") instanceof Map<?, ?> metric
                ? result(metric, m.get("dataset"), m.get("task")) : String.valueOf(value);
        return CardFiles.oneLine(s.length() > 120 ? s.substring(0, 117) + "..." : s);
    }

    /** A model-index result as a person reads it: {@code accuracy = 0.98 on conll2003 (token-classification)}. */
    private static String result(Map<?, ?> metric, Object dataset, Object task) {
        StringBuilder sb = new StringBuilder().append(metric.get("type")).append(" = ").append(metric.get("value"));
        if (dataset instanceof Map<?, ?> d && d.get("type") != null) {
            sb.append(" on ").append(d.get("type"));
            if (d.get("config") != null) {
                sb.append(" (").append(d.get("config")).append(')');
            }
        }
        if (task instanceof Map<?, ?> t && t.get("type") != null) {
            sb.append(", task ").append(t.get("type"));
        }
        return sb.toString();
    }

    static Map<String, Object> toJson(CardSuggestions found) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", found.id());
        List<Object> suggestions = new ArrayList<>();
        found.suggestions().forEach(s -> suggestions.add(suggestionJson(s)));
        json.put("suggestions", suggestions);
        List<Object> conflicts = new ArrayList<>();
        for (Conflict c : found.conflicts()) {
            Map<String, Object> m = suggestionJson(c.suggestion());
            m.put("yaml", c.yamlValue());
            conflicts.add(m);
        }
        json.put("conflicts", conflicts);
        return json;
    }

    private static Map<String, Object> suggestionJson(Suggestion s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", s.field());
        m.put("value", s.value());
        m.put("confidence", s.confidence());
        m.put("method", s.method());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("text", s.evidence().text());
        evidence.put("line", s.evidence().line());
        evidence.put("column", s.evidence().column());
        evidence.put("start", s.evidence().start());
        evidence.put("end", s.evidence().end());
        if (s.evidence().fromFile()) {
            evidence.put("file", s.evidence().file());
        }
        m.put("evidence", evidence);
        return m;
    }

    /** The cards whose rows were not stored: counted, with the first id for the note (a Hub's ids need not be kept). */
    private static final class NotStored {
        long count;
        String first;

        void add(List<String> ids) {
            count += ids.size();
            if (first == null && !ids.isEmpty()) {
                first = ids.get(0);
            }
        }
    }
}
