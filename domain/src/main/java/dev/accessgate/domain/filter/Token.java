package dev.accessgate.domain.filter;

/**
 * One token of an expression. {@code text} is the source text (punctuators, keywords, names);
 * {@code value} is the decoded value of a literal ({@link Double}, {@link String} or
 * {@link TemplateParts}).
 */
record Token(Kind kind, String text, Object value, int start, int end) {

    enum Kind { NUMBER, STRING, TEMPLATE, IDENT, KEYWORD, PUNCT, EOF }

    /**
     * A template literal split into text chunks and the source ranges of its {@code ${}}
     * expressions; {@code chunks.length == exprStart.length + 1}.
     */
    record TemplateParts(String[] chunks, int[] exprStart, int[] exprEnd) { }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isPunct(String t) {
        return kind == Kind.PUNCT && text.equals(t);
    }

    boolean isKeyword(String t) {
        return kind == Kind.KEYWORD && text.equals(t);
    }

    /** How the token is named in an error message. */
    String describe() {
        if (kind == Kind.EOF) {
            return "the end of the expression";
        }
        String shown = text.length() > 24 ? text.substring(0, 21) + "..." : text;
        return "'" + shown + "'";
    }
}
