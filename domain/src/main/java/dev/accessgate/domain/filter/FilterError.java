package dev.accessgate.domain.filter;

import java.io.Serializable;
import java.util.Objects;

/**
 * One error of a filter expression.
 *
 * @param code what kind of error
 * @param message a sentence a user understands
 * @param line 1-based line of the offending token in the expression source
 * @param column 1-based column (in code points) of the offending token
 * @serial exclude
 */
public record FilterError(ErrorCode code, String message, int line, int column) implements Serializable {

    public FilterError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based");
        }
    }

    /** Builds an error located at a UTF-16 offset of {@code source}. */
    static FilterError at(ErrorCode code, String message, String source, int offset) {
        int end = Math.max(0, Math.min(offset, source.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = source.codePointCount(lineStart, end) + 1;
        return new FilterError(code, message, line, column);
    }

    /** For example {@code E-TYPE at 1:12: cannot read property 'x' of null}. */
    @Override
    public String toString() {
        return code.code() + " at " + line + ":" + column + ": " + message;
    }
}
