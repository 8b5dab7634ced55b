package dev.cardminer.core.internal;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How PyYAML (YAML 1.1, used by the Hub's Python client) reads a plain scalar: a port of the implicit
 * resolvers of PyYAML 6 ({@code yaml/resolver.py}) and of the matching {@code SafeConstructor} methods.
 * cardminer itself reads YAML 1.2; this tells where the two disagree, so a card's author can see
 * that {@code language: no} is {@code false} for the Python client.
 */
public final class Yaml11Resolver {

    /** PyYAML's tag for a plain scalar; INVALID where safe_load would fail on it. */
    public enum Kind { STR, BOOL, INT, FLOAT, NULL, TIMESTAMP, MERGE, INVALID }

    /** A resolved scalar; {@code value} is a String, Boolean, BigInteger, Double or null. */
    public record Resolved(Kind kind, Object value) {
    }

    // The regular expressions of resolver.py, in the order PyYAML tries them for a first character.
    private static final Set<String> BOOL_WORDS = Set.of("yes", "Yes", "YES", "no", "No", "NO", "true", "True",
            "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
    private static final Set<String> TRUE_WORDS = Set.of("yes", "true", "on");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile(
            "[-+]?0b[0-1_]+"
            + "|[-+]?0[0-7_]+"
            + "|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])"
            + "|([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)"
            + "(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.[0-9]*)?"
            + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");
    private static final Set<String> NULL_WORDS = Set.of("~", "null", "Null", "NULL", "");

    private static final Resolved STR_NULL = new Resolved(Kind.NULL, null);
    private static final Resolved MERGE = new Resolved(Kind.MERGE, "<<");
    private static final BigInteger SIXTY = BigInteger.valueOf(60);

    private Yaml11Resolver() {
    }

    /** Whether PyYAML could read a plain scalar starting with this character as anything but a string. */
    public static boolean mayNotBeString(String plain) {
        if (plain.isEmpty()) {
            return true;
        }
        return switch (plain.charAt(0)) {
            case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '-', '+', '.', '<', '~', '=',
                 '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> true;
            default -> false;
        };
    }

    /** PyYAML's reading of a plain (unquoted, untagged) scalar. */
    public static Resolved resolve(String plain) {
        if (!mayNotBeString(plain)) {
            return new Resolved(Kind.STR, plain);
        }
        if (NULL_WORDS.contains(plain)) {
            return STR_NULL;
        }
        char first = plain.charAt(0);
        if (BOOL_WORDS.contains(plain)) {
            return new Resolved(Kind.BOOL, TRUE_WORDS.contains(plain.toLowerCase()));
        }
        if (first == '<') {
            return plain.equals("<<") ? MERGE : new Resolved(Kind.STR, plain);
        }
        if (first == '=') {
            // resolver.py tags a lone '=' as tag:yaml.org,2002:value, which safe_load cannot construct
            return plain.equals("=") ? new Resolved(Kind.INVALID, plain) : new Resolved(Kind.STR, plain);
        }
        if (!(first == '-' || first == '+' || first == '.' || (first >= '0' && first <= '9'))) {
            return new Resolved(Kind.STR, plain);
        }
        if (!onlyNumberOrTimestampChars(plain)) {
            return new Resolved(Kind.STR, plain); // e.g. "-1.3b" or "2-stage": no regex below can match
        }
        if (FLOAT.matcher(plain).matches()) {
            return floatValue(plain);
        }
        if (first != '.' && INT.matcher(plain).matches()) {
            return intValue(plain);
        }
        if (first >= '0' && first <= '9') {
            Matcher m = TIMESTAMP.matcher(plain);
            if (m.matches()) {
                return timestamp(plain, m);
            }
        }
        return new Resolved(Kind.STR, plain);
    }

    /**
     * Whether every character may occur in a FLOAT, INT or TIMESTAMP match: digits, {@code _ . : + -},
     * hex digits, {@code x}, the letters of inf and nan, the timestamp's {@code T t Z}, space and tab.
     * A scalar with any other character is a string, found without running the regular expressions.
     */
    private static boolean onlyNumberOrTimestampChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == '_' || c == '.' || c == ':' || c == '+' || c == '-' || c == 'x' || c == 'i'
                    || c == 'n' || c == 'I' || c == 'N' || c == 'T' || c == 't' || c == 'Z' || c == ' '
                    || c == '\t';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** SafeConstructor.construct_yaml_int. */
    private static Resolved intValue(String text) {
        String v = text.replace("_", "");
        int sign = 1;
        if (v.charAt(0) == '-' || v.charAt(0) == '+') {
            sign = v.charAt(0) == '-' ? -1 : 1;
            v = v.substring(1);
        }
        if (v.length() > CoreSchemaScalars.MAX_INTEGER_DIGITS) {
            // Python's int() refuses decimal text this long; other bases it reads, but their value is not needed
            // where such text comes here (whether a value must be quoted), and BigInteger would take quadratic time.
            return new Resolved(Kind.INVALID, text);
        }
        try {
            BigInteger n;
            if (v.equals("0")) {
                n = BigInteger.ZERO;
            } else if (v.startsWith("0b")) {
                n = new BigInteger(v.substring(2), 2);
            } else if (v.startsWith("0x")) {
                n = new BigInteger(v.substring(2), 16);
            } else if (v.charAt(0) == '0') {
                n = new BigInteger(v, 8);
            } else if (v.indexOf(':') >= 0) {
                n = BigInteger.ZERO;
                for (String part : v.split(":")) {
                    n = n.multiply(SIXTY).add(new BigInteger(part));
                }
            } else {
                n = new BigInteger(v);
            }
            return new Resolved(Kind.INT, sign < 0 ? n.negate() : n);
        } catch (NumberFormatException e) { // e.g. "0b_": PyYAML's int() fails the same way
            return new Resolved(Kind.INVALID, text);
        }
    }

    /** SafeConstructor.construct_yaml_float. */
    private static Resolved floatValue(String text) {
        String v = text.replace("_", "").toLowerCase();
        double sign = 1;
        if (v.charAt(0) == '-' || v.charAt(0) == '+') {
            sign = v.charAt(0) == '-' ? -1 : 1;
            v = v.substring(1);
        }
        if (v.equals(".inf")) {
            return new Resolved(Kind.FLOAT, sign * Double.POSITIVE_INFINITY);
        }
        if (v.equals(".nan")) {
            return new Resolved(Kind.FLOAT, Double.NaN);
        }
        try {
            if (v.indexOf(':') >= 0) {
                double n = 0;
                for (String part : v.split(":")) {
                    n = n * 60 + Double.parseDouble(part);
                }
                return new Resolved(Kind.FLOAT, sign * n);
            }
            return new Resolved(Kind.FLOAT, sign * Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return new Resolved(Kind.INVALID, text);
        }
    }

    /** SafeConstructor.construct_yaml_timestamp fails on impossible dates such as 2023-02-30. */
    private static Resolved timestamp(String text, Matcher m) {
        try {
            int g = m.group(1) != null ? 1 : 4;
            LocalDate.of(Integer.parseInt(m.group(g)), Integer.parseInt(m.group(g + 1)),
                    Integer.parseInt(m.group(g + 2)));
            if (g == 4 && (Integer.parseInt(m.group(7)) > 23 || Integer.parseInt(m.group(8)) > 59
                    || Integer.parseInt(m.group(9)) > 59)) {
                return new Resolved(Kind.INVALID, text);
            }
            return new Resolved(Kind.TIMESTAMP, text);
        } catch (DateTimeException e) {
            return new Resolved(Kind.INVALID, text);
        }
    }

    /** A short description of what PyYAML makes of the scalar, for messages. */
    public static String describe(Resolved r) {
        return switch (r.kind()) {
            case STR -> "the string " + MessageValues.quote(String.valueOf(r.value()));
            case BOOL -> "the boolean " + r.value();
            case INT -> "the integer " + MessageValues.shorten(String.valueOf(r.value()));
            case FLOAT -> "the float " + MessageValues.shorten(String.valueOf(r.value()));
            case NULL -> "null";
            case TIMESTAMP -> "a date/timestamp";
            case MERGE -> "a merge key";
            case INVALID -> "an error (safe_load cannot construct it)";
        };
    }
}
