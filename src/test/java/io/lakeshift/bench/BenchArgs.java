package io.lakeshift.bench;

import java.util.Map;

/** The benchmarks' command lines: {@code --name value} pairs over a map of defaults. */
final class BenchArgs {
    private BenchArgs() {}

    /** Puts each {@code --name value} of {@code args} into {@code opt}, over its default. */
    static void parse(Map<String, String> opt, String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value, not " + args[i]);
            }
            opt.put(args[i].substring(2), args[++i]);
        }
    }
}
