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
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            if (r.isError()) {
                invalid++;
                if (reported < 10) {
                    int line = 1;
                    int col = 1;
                    for (int i = 0; i < out.position(); i++) {
                        char c = out.get(i);
                        if (c == '\n') { line++; col = 1; } else { col++; }
                    }
                    problems.add(Problem.warning(ProblemCodes.INVALID_UTF8,
                            "invalid UTF-8 byte sequence at byte " + in.position() + ", replaced by U+FFFD", line, col));
                    reported++;
                }
                out.put('\uFFFD');
                in.position(in.position() + r.length());
            }
        }
        if (invalid > reported) {
            problems.add(Problem.warning(ProblemCodes.INVALID_UTF8, (invalid - reported) + " more invalid UTF-8 sequences replaced", 0, 0));
        }
        out.flip();
        return out.toString();
    }
}
