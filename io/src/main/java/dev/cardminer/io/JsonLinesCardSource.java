package dev.cardminer.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cardminer.core.CardLimits;
import java.io.BufferedReader;
import java.io.EOFException;
import dev.cardminer.io.internal.SkippedTally;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Cards from a JSON Lines file: one object per line with at least {@code modelId} (or {@code id}) and
 * {@code card}, and optionally the Hub dataset's other fields. Each line is read with Jackson's streaming
 * parser; a line that is not such an object is a problem of the source, not a card: it is skipped and
 * counted with its line number ({@link #skipped()}), and reading goes on. A file without a single card is
 * an error. A {@code .gz} file is decompressed on the fly.
 */
final class JsonLinesCardSource implements CardSource {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final String origin;
    private final BufferedReader reader;
    private long lineNumber;
    private long cards;
    private final SkippedTally skipped = new SkippedTally();


    private JsonLinesCardSource(Path file) throws IOException {
        this.file = file;
        this.origin = file.toString();
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            try {
                in = new GZIPInputStream(in, 1 << 16);
            } catch (IOException e) {
                in.close();
                throw new IOException(file + ": not gzip data (" + firstLine(e.getMessage()) + ")", e);
            }
        }
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    static JsonLinesCardSource open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        return new JsonLinesCardSource(file);
    }

    @Override
    public SourceCard next() throws IOException {
        while (true) {
            String line;
            do {
                line = lineOrLocatedError();
                if (line == null) {
                    if (cards == 0) {
                        throw new IOException(file + ": no line is a card (a JSON object with modelId and card)"
                                + (skipped.count() == 0 ? "" : "; " + skipped.first().getFirst()));
                    }
                    return null;
                }
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);   // a byte-order mark, as Windows tools write it: not part of the JSON
                }
                if (line == TOO_LONG) {
                    skip(String.format("line %d: longer than %,d characters (twice the card size limit, for JSON"
                            + " escapes): not read", lineNumber, MAX_LINE_CHARS));
                    line = "";
                }
            } while (line.isBlank());
            try {
                SourceCard card = read(line);
                cards++;
                return card;
            } catch (JsonProcessingException e) {
                skip("line " + lineNumber + ", column " + e.getLocation().getColumnNr() + ": " + jsonReason(e));
            } catch (IOException | RuntimeException e) {
                skip("line " + lineNumber + ": " + firstLine(e.getMessage()));
            }
        }
    }

    /**
     * The next line, or an error that says where the file broke: a gzip stream cut short (a download that did not
     * finish) or damaged ends the source, the lines before it given.
     */
    private String lineOrLocatedError() throws IOException {
        try {
            return boundedLine();
        } catch (EOFException e) {
            throw new IOException(file + ":" + (lineNumber + 1) + ": the file ends inside its gzip stream (truncated?);"
                    + " the lines before were read", e);
        } catch (IOException e) {
            throw new IOException(file + ":" + (lineNumber + 1) + ": cannot be read on from here: "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** Jackson's reason without its own location (which counts lines within the one line it was given). */
    private static String jsonReason(JsonProcessingException e) {
        return firstLine(e.getOriginalMessage()).replaceAll("\\s*\\(start marker at \\[Source:.*", "")
                .replaceAll("\\s*at \\[Source:.*", "");
    }

    private void skip(String why) {
        skipped.add(why);
    }

    @Override
    public SkippedEntries skipped() {
        return new SkippedEntries(skipped.count(), skipped.first());
    }

    /** Lines are read up to this length; a longer one is skipped to its end without being held. */
    private static final int MAX_LINE_CHARS = 2 * CardLimits.MAX_CARD_BYTES;
    private static final String TOO_LONG = new String("(too long)");
    private final StringBuilder lineBuffer = new StringBuilder();

    /** The next line without its line break, {@link #TOO_LONG}, or null at the end of the file. */
    private String boundedLine() throws IOException {
        lineBuffer.setLength(0);
        boolean tooLong = false;
        int c;
        while ((c = reader.read()) >= 0 && c != '\n') {
            if (tooLong) {
                continue;
            }
            if (lineBuffer.length() == MAX_LINE_CHARS) {
                tooLong = true;
                lineBuffer.setLength(0);
                lineBuffer.trimToSize();
                continue;
            }
            lineBuffer.append((char) c);
        }
        if (c < 0 && lineBuffer.isEmpty() && !tooLong) {
            return null;
        }
        if (tooLong) {
            return TOO_LONG;
        }
        int end = lineBuffer.length();
        if (end > 0 && lineBuffer.charAt(end - 1) == '\r') {
            end--;
        }
        String line = lineBuffer.substring(0, end);
        if (lineBuffer.capacity() > 1 << 20) {
            lineBuffer.setLength(0);
            lineBuffer.trimToSize();
        }
        return line;
    }

    private SourceCard read(String line) throws IOException {
        String id = null;
        String card = null;
        String author = null;
        String pipelineTag = null;
        String libraryName = null;
        Long downloads = null;
        Long likes = null;
        List<String> tags = null;
        Instant created = null;
        Instant modified = null;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "modelId" -> id = text(p, field, value);
                    // "id" stands in for a missing modelId, when it is text (other data sets number their rows).
                    case "id" -> id = id == null && value == JsonToken.VALUE_STRING ? p.getText() : skip(p, id);
                    case "card" -> card = text(p, field, value);
                    case "author" -> author = scalar(p, value);
                    case "pipeline_tag" -> pipelineTag = scalar(p, value);
                    case "library_name" -> libraryName = scalar(p, value);
                    case "downloads" -> downloads = number(p, value);
                    case "likes" -> likes = number(p, value);
                    case "tags" -> tags = strings(p, value);
                    case "createdAt", "created_at" -> created = time(p, value);
                    case "last_modified", "lastModified" -> modified = time(p, value);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new IOException("more than one value on the line");
            }
        }
        if (id == null || id.isBlank()) {
            throw new IOException("no modelId");
        }
        if (card == null) {
            throw new IOException("no card");
        }
        return SourceCard.ofText(id, origin, card,
                new RepoFacts(author, downloads, likes, pipelineTag, libraryName, tags, created, modified));
    }

    /**
     * A field that must be text (the id, the card): a number or an object there is a line in another shape, not an
     * id {@code "5"} or a card {@code "42"}.
     */
    private static String text(JsonParser p, String field, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL || t == JsonToken.VALUE_STRING) {
            return scalar(p, t);
        }
        throw new IOException(field + " is " + switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case START_ARRAY -> "a list";
            default -> "an object";
        } + ", not text");
    }

    private static String skip(JsonParser p, String kept) throws IOException {
        p.skipChildren();
        return kept;
    }

    private static String scalar(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!t.isScalarValue()) {
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    private static Long number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        p.skipChildren();
        return null;
    }

    private static List<String> strings(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<String> out = new ArrayList<>();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            String s = scalar(p, item);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static Instant time(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochMilli(p.getLongValue());
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(s.endsWith("Z") ? s : s + "Z");
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
        p.skipChildren();
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public String description() {
        return "jsonl:" + file;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
