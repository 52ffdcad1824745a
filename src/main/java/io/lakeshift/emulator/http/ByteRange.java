package io.lakeshift.emulator.http;

import io.lakeshift.emulator.OciException;

/** A single "bytes=" range (RFC 7233) resolved against an object size; both APIs of the emulator serve by it. */
public final class ByteRange {
    private ByteRange() {
    }

    /**
     * @return {first, last} inclusive, or null to serve the whole object (no header, or one that is not a
     *         single byte range, which HTTP says to ignore)
     */
    public static long[] parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || size == 0) {
                    throw unsatisfiable(header, size);
                }
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
            if (!b.isEmpty() && Long.parseLong(b) < first) {
                return null;
            }
            if (first >= size) {
                throw unsatisfiable(header, size);
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static OciException unsatisfiable(String header, long size) {
        return new OciException(416, "InvalidRange", "The range '" + header + "' cannot be satisfied for an object of "
                + size + " bytes");
    }
}
