package dev.accessgate.domain.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Splits (a range of) an expression into tokens, spec §3. */
final class Lexer {

    static final Set<String> KEYWORDS = Set.of(
            "true", "false", "null", "typeof", "let", "return", "if", "else", "try", "catch", "throw", "new");

    private static final String[] TWO_CHAR = {"?.", "??", "=>", "==", "!=", "<=", ">=", "&&", "||"};
    private static final String ONE_CHAR = "+-*/%<>!?:.,;()[]{}=";

    private final String src;
    private final int end;
    private int pos;

    /** Lexes {@code src[from, to)}; token offsets are offsets into {@code src}. */
    Lexer(String src, int from, int to) {
        this.src = src;
        this.pos = from;
        this.end = to;
    }

    List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= end) {
                tokens.add(new Token(Token.Kind.EOF, "", null, end, end));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < end) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        if (isDigit(c)) {
            return number();
        }
        if (isIdentStart(c)) {
            while (pos < end && isIdentPart(src.charAt(pos))) {
                pos++;
            }
            String text = src.substring(start, pos);
            Token.Kind kind = KEYWORDS.contains(text) ? Token.Kind.KEYWORD : Token.Kind.IDENT;
            return new Token(kind, text, null, start, pos);
        }
        if (c == '\'' || c == '"') {
            StringBuilder value = new StringBuilder();
            pos = scanString(start, value);
            return new Token(Token.Kind.STRING, src.substring(start, pos), value.toString(), start, pos);
        }
        if (c == '`') {
            List<String> chunks = new ArrayList<>();
            List<int[]> ranges = new ArrayList<>();
            pos = scanTemplate(start, 0, chunks, ranges);
            int[] exprStart = new int[ranges.size()];
            int[] exprEnd = new int[ranges.size()];
            for (int i = 0; i < ranges.size(); i++) {
                exprStart[i] = ranges.get(i)[0];
                exprEnd[i] = ranges.get(i)[1];
            }
            Token.TemplateParts parts = new Token.TemplateParts(chunks.toArray(new String[0]), exprStart, exprEnd);
            return new Token(Token.Kind.TEMPLATE, src.substring(start, pos), parts, start, pos);
        }
        for (String p : TWO_CHAR) {
            if (src.startsWith(p, pos) && pos + 2 <= end) {
                pos += 2;
                return new Token(Token.Kind.PUNCT, p, null, start, pos);
            }
        }
        if (ONE_CHAR.indexOf(c) >= 0) {
            pos++;
            return new Token(Token.Kind.PUNCT, String.valueOf(c), null, start, pos);
        }
        int cp = src.codePointAt(pos);
        throw syntax(start, "unexpected character " + describeCodePoint(cp));
    }

    private Token number() {
        int start = pos;
        skipDigits();
        if (pos + 1 < end && src.charAt(pos) == '.' && isDigit(src.charAt(pos + 1))) {
            pos++;
            skipDigits();
        }
        if (pos < end && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < end && (src.charAt(p) == '+' || src.charAt(p) == '-')) {
                p++;
            }
            if (p < end && isDigit(src.charAt(p))) {
                pos = p;
                skipDigits();
            }
        }
        String text = src.substring(start, pos);
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw syntax(start, "the number " + abbreviate(text) + " is too large");
        }
        return new Token(Token.Kind.NUMBER, text, value, start, pos);
    }

    private void skipDigits() {
        while (pos < end && isDigit(src.charAt(pos))) {
            pos++;
        }
    }

    /** Scans a quoted string starting at its quote; appends the decoded text; returns the offset after it. */
    private int scanString(int start, StringBuilder out) {
        char quote = src.charAt(start);
        int p = start + 1;
        while (true) {
            if (p >= end) {
                throw syntax(start, "unterminated string: missing closing " + quote);
            }
            char c = src.charAt(p);
            if (c == quote) {
                return p + 1;
            }
            if (c == '\n' || c == '\r') {
                throw syntax(p, "a string cannot contain a line break (use \\n)");
            }
            if (c == '\\') {
                p = escape(p, out);
            } else {
                if (out != null) {
                    out.append(c);
                }
                p++;
            }
        }
    }

    /**
     * Scans a template starting at its backtick; returns the offset after the closing backtick.
     * With {@code chunks == null} it only skips (used to find the end of an enclosing {@code ${}}).
     */
    private int scanTemplate(int start, int level, List<String> chunks, List<int[]> ranges) {
        StringBuilder text = new StringBuilder();
        int p = start + 1;
        while (true) {
            if (p >= end) {
                throw syntax(start, "unterminated template: missing closing `");
            }
            char c = src.charAt(p);
            if (c == '`') {
                if (chunks != null) {
                    chunks.add(text.toString());
                }
                return p + 1;
            }
            if (c == '\\') {
                p = escape(p, chunks == null ? null : text);
            } else if (c == '$' && p + 1 < end && src.charAt(p + 1) == '{') {
                int exprEnd = scanEmbedded(p, level + 1);
                if (chunks != null) {
                    chunks.add(text.toString());
                    text.setLength(0);
                    ranges.add(new int[] {p + 2, exprEnd});
                }
                p = exprEnd + 1;
            } else {
                if (chunks != null) {
                    text.append(c);
                }
                p++;
            }
        }
    }

    /** Finds the '}' closing the {@code ${} at {@code open}, skipping strings and templates inside. */
    private int scanEmbedded(int open, int level) {
        if (level > FilterExpression.MAX_DEPTH) {
            throw new FilterException(FilterError.at(ErrorCode.E_DEPTH,
                    "templates are nested more than " + FilterExpression.MAX_DEPTH + " levels deep", src, open));
        }
        int braces = 0;
        int p = open + 2;
        while (true) {
            if (p >= end) {
                throw syntax(open, "unterminated ${ in template: missing }");
            }
            char c = src.charAt(p);
            if (c == '{') {
                braces++;
                p++;
            } else if (c == '}') {
                if (braces == 0) {
                    return p;
                }
                braces--;
                p++;
            } else if (c == '\'' || c == '"') {
                p = scanString(p, null);
            } else if (c == '`') {
                p = scanTemplate(p, level, null, null);
            } else {
                p++;
            }
        }
    }

    /** Decodes the escape at {@code p} (a backslash) into {@code out} (may be null); returns the offset after it. */
    private int escape(int p, StringBuilder out) {
        if (p + 1 >= end) {
            throw syntax(p, "unfinished escape sequence");
        }
        char e = src.charAt(p + 1);
        char decoded;
        switch (e) {
            case 'n': decoded = '\n'; break;
            case 't': decoded = '\t'; break;
            case 'r': decoded = '\r'; break;
            case '0': decoded = '\0'; break;
            case '\\': case '\'': case '"': case '`': case '$': decoded = e; break;
            case 'u':
                if (p + 6 > end) {
                    throw syntax(p, "\\u needs exactly 4 hex digits");
                }
                int value = 0;
                for (int i = p + 2; i < p + 6; i++) {
                    int digit = hexValue(src.charAt(i));
                    if (digit < 0) {
                        throw syntax(p, "\\u needs exactly 4 hex digits");
                    }
                    value = value * 16 + digit;
                }
                if (out != null) {
                    out.append((char) value);
                }
                return p + 6;
            default:
                throw syntax(p, "unknown escape sequence \\" + describeEscaped(p + 1)
                        + " (allowed: \\n \\t \\r \\0 \\\\ \\' \\\" \\` \\$ \\uXXXX)");
        }
        if (out != null) {
            out.append(decoded);
        }
        return p + 2;
    }

    private String describeEscaped(int at) {
        int cp = src.codePointAt(at);
        return cp >= 0x21 && cp < 0x7f ? String.valueOf((char) cp) : describeCodePoint(cp);
    }

    private FilterException syntax(int offset, String message) {
        return new FilterException(FilterError.at(ErrorCode.E_SYNTAX, message, src, offset));
    }

    static String describeCodePoint(int cp) {
        String hex = String.format("U+%04X", cp);
        if (cp >= 0x21 && cp < 0x7f) {
            return "'" + (char) cp + "' (" + hex + ")";
        }
        return hex;
    }

    private static String abbreviate(String text) {
        return text.length() > 24 ? text.substring(0, 21) + "..." : text;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
