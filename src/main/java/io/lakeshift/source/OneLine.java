package io.lakeshift.source;

/** The first line of an exception's message, for one-line errors. */
final class OneLine {
    private OneLine() {}

    static String of(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}
