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

    private static String decodeReplacing(byte[] bytes, List<Problem> problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        int reported = 0;
        int invalid = 0;
        // the line and column of out's position, counted on as it grows
        int counted = 0;
        int line = 1;
        int col = 1;
        int omittedLine = 0;
        int omittedCol = 0;
        long omittedByte = -1;
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            if (r.isError()) {
                invalid++;
                if (reported < 10 || omittedByte < 0) {
                    for (; counted < out.position(); counted++) {
                        if (out.get(counted) == '\n') { line++; col = 1; } else { col++; }
                    }
                }
                if (reported < 10) {
                    problems.add(Problem.warning(ProblemCodes.INVALID_UTF8,
                            "invalid UTF-8 byte sequence at byte " + in.position() + ", replaced by U+FFFD", line, col));
                    reported++;
                } else if (omittedByte < 0) {
                    omittedLine = line;
                    omittedCol = col;
                    omittedByte = in.position();
                }
                out.put('\uFFFD');
                in.position(in.position() + r.length());
            }
        }
        if (invalid > reported) {
            // at the first one it stands for, so that it is listed after the ones above
            problems.add(Problem.warning(ProblemCodes.INVALID_UTF8, (invalid - reported)
                    + " more invalid UTF-8 sequences replaced, the first at byte " + omittedByte, omittedLine, omittedCol));
        }
        out.flip();
        return out.toString();
    }
}
