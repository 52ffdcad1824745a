package io.lakeshift.emulator.iam;

import java.util.ArrayList;
import java.util.List;

/** Splits one policy line into words, 'quoted strings', /patterns/ and the symbols { } , = !=. */
final class Lexer {
    enum Kind { WORD, STRING, PATTERN, SYMBOL }

    record Token(Kind kind, String text) {
    }

    private Lexer() {
    }

    static List<Token> lex(int line, String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '{' || c == '}' || c == ',' || c == '=') {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            } else if (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                out.add(new Token(Kind.SYMBOL, "!="));
                i += 2;
            } else if (c == '\'' || c == '"' || c == '/') {
                int close = c == '/' ? patternEnd(text, i + 1) : text.indexOf(c, i + 1);
                if (close < 0) {
                    throw new PolicyException(line, "the " + (c == '/' ? "pattern" : "string") + " starting at column "
                            + (i + 1) + " has no closing " + c);
                }
                out.add(new Token(c == '/' ? Kind.PATTERN : Kind.STRING, text.substring(i + 1, close)));
                i = close + 1;
            } else if (c == '<') {
                int close = text.indexOf('>', i + 1);
                if (close < 0) {
                    throw new PolicyException(line, "unexpected '<' at column " + (i + 1));
                }
                out.add(new Token(Kind.WORD, text.substring(i, close + 1)));
                i = close + 1;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < text.length() && isWordChar(text.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, text.substring(start, i)));
            } else {
                throw new PolicyException(line, "unexpected '" + c + "' at column " + (i + 1));
            }
        }
        return out;
    }

    /** A pattern ends at a '/' followed by the end, a space, ',' or '}': object-name patterns may hold '/'. */
    private static int patternEnd(String text, int from) {
        for (int j = text.indexOf('/', from); j >= 0; j = text.indexOf('/', j + 1)) {
            if (j + 1 == text.length() || Character.isWhitespace(text.charAt(j + 1)) || text.charAt(j + 1) == ','
                    || text.charAt(j + 1) == '}') {
                return j;
            }
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == ':' || c == '@' || c == '$';
    }

    static void checkNotPlaceholder(int line, String text) {
        if (text.startsWith("<") && text.endsWith(">")) {
            throw new PolicyException(line, text + " is a placeholder: replace it with a real value");
        }
    }
}
