package dev.cardminer.core.internal;

import java.math.BigInteger;

/**
 * The YAML 1.2 core schema's reading of a plain scalar (tag resolution and construction in one):
 * null ({@code ~ null Null NULL} and empty), booleans ({@code true True TRUE false False FALSE}),
 * integers ({@code [-+]?[0-9]+}, {@code 0o[0-7]+}, {@code 0x[0-9a-fA-F]+}) and floats
 * ({@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}, {@code [-+]?\.inf}, {@code \.nan});
 * everything else is a string. This is what snakeyaml-engine's {@code CoreScalarResolver} resolves,
 * written as a scanner because resolving every scalar with regular expressions was the largest cost
 * of reading a block.
 */
public final class CoreSchemaScalars {

    /**
     * The most digits an integer is read as a number with: Python's own limit for {@code int()} of decimal text
     * (3.11+, so the Hub's client cannot read longer ones either). Longer ones stay text: turning them into a
     * BigInteger takes time quadratic in their length (a 1 MB integer: 46 CPU-seconds).
     */
    public static final int MAX_INTEGER_DIGITS = 4300;

    private CoreSchemaScalars() {
    }

    /** Whether a plain scalar is written as an integer (decimal, {@code 0x} or {@code 0o}) too long to read as one. */
    public static boolean isOverlongInteger(String s) {
        int n = s.length();
        if (n <= MAX_INTEGER_DIGITS) {
            return false;
        }
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        boolean hex = false;
        boolean octal = false;
        if (i == 0 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'o')) {
            hex = s.charAt(1) == 'x';
            octal = !hex;
            i = 2;
        }
        if (n - i <= MAX_INTEGER_DIGITS) {
            return false;   // its digits, as value() counts them: a number
        }
        for (int k = i; k < n; k++) {
            char d = s.charAt(k);
            boolean ok = hex ? d < 128 && Character.digit(d, 16) >= 0 : octal ? d >= '0' && d <= '7' : isDigit(d);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The value of a plain scalar: the String itself, or null, a Boolean, a Long, a BigInteger or a Double. */
    public static Object value(String s) {
        int n = s.length();
        if (n == 0) {
            return null;
        }
        char c = s.charAt(0);
        switch (c) {
            case '~':
                return n == 1 ? null : s;
            case 'n', 'N':
                return s.equals("null") || s.equals("Null") || s.equals("NULL") ? null : s;
            case 't', 'T':
                return s.equals("true") || s.equals("True") || s.equals("TRUE") ? Boolean.TRUE : s;
            case 'f', 'F':
                return s.equals("false") || s.equals("False") || s.equals("FALSE") ? Boolean.FALSE : s;
            case '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
                return number(s);
            default:
                return s;
        }
    }

    private static Object number(String s) {
        int n = s.length();
        int i = 0;
        if (s.charAt(0) == '0' && n > 2 && (s.charAt(1) == 'o' || s.charAt(1) == 'x')) {
            boolean hex = s.charAt(1) == 'x';
            for (int k = 2; k < n; k++) {
                char d = s.charAt(k);
                boolean ok = hex ? Character.digit(d, 16) >= 0 && d < 128 : d >= '0' && d <= '7';
                if (!ok) {
                    return s;
                }
            }
            return n - 2 > MAX_INTEGER_DIGITS ? s : narrow(new BigInteger(s.substring(2), hex ? 16 : 8));
        }
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            i = 1;
        }
        if (i == n) {
            return s;
        }
        if (s.charAt(i) == '.' && n - i == 4) {
            String special = s.substring(i + 1);
            if (special.equals("inf") || special.equals("Inf") || special.equals("INF")) {
                return s.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (i == 0 && (special.equals("nan") || special.equals("NaN") || special.equals("NAN"))) {
                return Double.NaN;
            }
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i == n) {
            return digits <= 18 ? (Object) Long.parseLong(s) : digits > MAX_INTEGER_DIGITS ? s : narrow(new BigInteger(s));
        }
        int fraction = 0;
        if (s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fraction++;
            }
            // "[0-9]+(\.[0-9]*)?" or "\.[0-9]+"
            if (digits == 0 && fraction == 0) {
                return s;
            }
        } else if (digits == 0) {
            return s;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return s;
            }
        }
        return i == n ? (Object) Double.parseDouble(s) : s;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Object narrow(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
}
