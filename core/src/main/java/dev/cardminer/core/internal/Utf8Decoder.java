package dev.cardminer.core.internal;

import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Decodes card bytes as UTF-8, replacing invalid sequences with U+FFFD and reporting where they were. */
final class Utf8Decoder {

    private Utf8Decoder() {
    }

    static String decode(byte[] bytes, List<Problem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return decodeReplacing(bytes, problems);
        }
    }

    /** Lines listed with their own warning; invalid bytes on further lines are summed up in one more. */
    private static final int LINES_LISTED = 10;

    /**
     * Decodes with U+FFFD for each invalid sequence and one warning per line that has any (at its first, with how
     * many bytes and runs of consecutive bad bytes), so that a run of bad bytes is one warning, not one per byte.
     */
    private static String decodeReplacing(byte[] bytes, List<Problem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        // the line and column of out's position, counted on as it grows (linear over the whole text)
        int counted = 0;
        int line = 1;
        int col = 1;
        boolean afterCr = false;
        BadLine current = null;
        Report report = new Report(problems);
        int lastEnd = -1;
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            if (r.isError()) {
                for (; counted < out.position(); counted++) {
                    // line breaks as LineIndex counts them: \n, \r\n and a lone \r
                    char c = out.get(counted);
                    if (c == '\r' || c == '\n' && !afterCr) {
                        line++;
                        col = 1;
                    } else if (c != '\n') {
                        col++;
                    }
                    afterCr = c == '\r';
                }
                int at = in.position();
                if (current != null && current.line == line) {
                    current.bytes += r.length();
                    current.runs += at == lastEnd ? 0 : 1;
                } else {
                    if (current != null) {
                        report.add(current);
                    }
                    current = new BadLine(line, col, at, r.length());
                }
                lastEnd = at + r.length();
                out.put('\uFFFD');
                in.position(lastEnd);
            }
        }
        if (current != null) {
            report.add(current);
        }
        report.finish();
        out.flip();
        return out.toString();
    }

    /** The first {@link #LINES_LISTED} lines' warnings, then one that sums up the rest. */
    private static final class Report {
        final List<Problem> problems;
        int listed;
        BadLine omitted;
        int omittedLines;

        Report(List<Problem> problems) {
            this.problems = problems;
        }

        void add(BadLine line) {
            if (listed < LINES_LISTED) {
                problems.add(line.problem());
                listed++;
            } else {
                omitted = omitted == null ? line : omitted.plus(line);
                omittedLines++;
            }
        }

        void finish() {
            if (omitted != null) {
                // at the first line it stands for, so that it is listed after the ones above
                problems.add(Problem.warning(ProblemCodes.INVALID_UTF8, omitted.bytes + " more invalid UTF-8 "
                        + (omitted.bytes == 1 ? "byte" : "bytes") + " on " + omittedLines + " more "
                        + (omittedLines == 1 ? "line" : "lines") + " replaced by U+FFFD, the first at byte "
                        + omitted.firstByte, omitted.line, omitted.column));
            }
        }
    }

    /** The invalid bytes of one line: where the first is, how many, in how many runs of consecutive bad bytes. */
    private static final class BadLine {
        final int line;
        final int column;
        final int firstByte;
        int bytes;
        int runs = 1;

        BadLine(int line, int column, int firstByte, int bytes) {
            this.line = line;
            this.column = column;
            this.firstByte = firstByte;
            this.bytes = bytes;
        }

        BadLine plus(BadLine later) {
            bytes += later.bytes;
            return this;
        }

        Problem problem() {
            String message = bytes == 1 ? "invalid UTF-8 byte sequence at byte " + firstByte + ", replaced by U+FFFD"
                    : bytes + " invalid UTF-8 bytes on this line" + (runs == 1 ? " in a row" : " in " + runs + " runs")
                    + ", the first at byte " + firstByte + ", replaced by U+FFFD";
            return Problem.warning(ProblemCodes.INVALID_UTF8, message, line, column);
        }
    }
}
