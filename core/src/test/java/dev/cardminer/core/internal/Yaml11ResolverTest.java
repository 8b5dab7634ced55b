package dev.cardminer.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.internal.Yaml11Resolver.Kind;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Yaml11ResolverTest {

    /** What PyYAML 6.0.3's safe_load gives for {@code "a: " + scalar} (checked against PyYAML itself). */
    static Stream<Arguments> pyyaml() {
        return Stream.of(
                Arguments.of("no", Kind.BOOL, false), Arguments.of("No", Kind.BOOL, false),
                Arguments.of("NO", Kind.BOOL, false), Arguments.of("yes", Kind.BOOL, true),
                Arguments.of("on", Kind.BOOL, true), Arguments.of("Off", Kind.BOOL, false),
                Arguments.of("y", Kind.STR, "y"), Arguments.of("n", Kind.STR, "n"),
                Arguments.of("True", Kind.BOOL, true), Arguments.of("tRue", Kind.STR, "tRue"),
                Arguments.of("null", Kind.NULL, null), Arguments.of("~", Kind.NULL, null), Arguments.of("", Kind.NULL, null),
                Arguments.of("0755", Kind.INT, BigInteger.valueOf(493)), Arguments.of("0o755", Kind.STR, "0o755"),
                Arguments.of("0x1F", Kind.INT, BigInteger.valueOf(31)), Arguments.of("-0x1F", Kind.INT, BigInteger.valueOf(-31)),
                Arguments.of("0b101", Kind.INT, BigInteger.valueOf(5)), Arguments.of("1_000", Kind.INT, BigInteger.valueOf(1000)),
                Arguments.of("1:20", Kind.INT, BigInteger.valueOf(80)), Arguments.of("-1:20", Kind.INT, BigInteger.valueOf(-80)),
                Arguments.of("12:30:45", Kind.INT, BigInteger.valueOf(45045)), Arguments.of("1:60", Kind.STR, "1:60"),
                Arguments.of("1:20.5", Kind.FLOAT, 80.5), Arguments.of("1e5", Kind.STR, "1e5"),
                Arguments.of("1e-5", Kind.STR, "1e-5"), Arguments.of("1e+5", Kind.STR, "1e+5"),
                Arguments.of("1.0e5", Kind.STR, "1.0e5"), Arguments.of("1.0e+5", Kind.FLOAT, 100000.0),
                Arguments.of("-.5", Kind.STR, "-.5"), Arguments.of("+.5", Kind.STR, "+.5"), Arguments.of(".5", Kind.FLOAT, 0.5),
                Arguments.of(".5e+3", Kind.FLOAT, 500.0), Arguments.of("1.", Kind.FLOAT, 1.0),
                Arguments.of("0.1_2", Kind.FLOAT, 0.12), Arguments.of("+1", Kind.INT, BigInteger.ONE),
                Arguments.of("-0", Kind.INT, BigInteger.ZERO), Arguments.of("00", Kind.INT, BigInteger.ZERO),
                Arguments.of("09", Kind.STR, "09"), Arguments.of("1__0", Kind.INT, BigInteger.TEN),
                Arguments.of("2023-01-01", Kind.TIMESTAMP, "2023-01-01"), Arguments.of("2023-1-1", Kind.STR, "2023-1-1"),
                Arguments.of("2023-01-01 10:00:00", Kind.TIMESTAMP, "2023-01-01 10:00:00"),
                Arguments.of("2023-01-01T10:00:00Z", Kind.TIMESTAMP, "2023-01-01T10:00:00Z"),
                // every character class the regular expressions allow, past the character pre-check
                Arguments.of("2023-1-1t10:00:00.5 \t-05:30", Kind.TIMESTAMP, "2023-1-1t10:00:00.5 \t-05:30"),
                Arguments.of("2023-01-01\t10:00:00+1", Kind.TIMESTAMP, "2023-01-01\t10:00:00+1"),
                Arguments.of("0xaB_cD", Kind.INT, new java.math.BigInteger("abcd", 16)),
                Arguments.of("-.INF", Kind.FLOAT, Double.NEGATIVE_INFINITY), Arguments.of(".NAN", Kind.FLOAT, Double.NaN),
                Arguments.of("1.5E-3", Kind.FLOAT, 0.0015), Arguments.of("-1.3b", Kind.STR, "-1.3b"),
                Arguments.of("7g", Kind.STR, "7g"), Arguments.of("2023-01-01 10:00:00 UTC", Kind.STR, "2023-01-01 10:00:00 UTC"),
                Arguments.of("2023-02-30", Kind.INVALID, "2023-02-30"),
                Arguments.of(".inf", Kind.FLOAT, Double.POSITIVE_INFINITY), Arguments.of("-.Inf", Kind.FLOAT, Double.NEGATIVE_INFINITY),
                Arguments.of(".NaN", Kind.FLOAT, Double.NaN), Arguments.of("<<", Kind.MERGE, "<<"),
                Arguments.of("=", Kind.INVALID, "="), Arguments.of("mit", Kind.STR, "mit"),
                Arguments.of("apache-2.0", Kind.STR, "apache-2.0"), Arguments.of("1.2.3", Kind.STR, "1.2.3"));
    }

    @ParameterizedTest
    @MethodSource("pyyaml")
    void readsPlainScalarsAsPyYamlDoes(String scalar, Kind kind, Object value) {
        Yaml11Resolver.Resolved r = Yaml11Resolver.resolve(scalar);
        assertThat(r.kind()).isEqualTo(kind);
        assertThat(r.value()).isEqualTo(value);
    }
}
