package io.lakeshift.cli;

import io.lakeshift.config.Option;
import java.util.Arrays;
import java.util.List;

/**
 * The texts of --help. Every option list is generated from its schema ({@link Option}, {@link Demo.Arg}), one row
 * per option and a {@code Default:} line only for an option that has a default.
 */
final class Help {
    /** What status and report read: where the log is and how to sign in to it. */
    static final List<Option> LOG_OPTIONS = List.of(Option.TARGET, Option.LOG, Option.CONF, Option.OCI_AUTH,
            Option.OCI_CONFIG, Option.OCI_PROFILE, Option.OCI_ENDPOINT, Option.OCI_REGION);
    static final List<Option> STATUS_OPTIONS = concat(List.of(Option.RUN_ID), LOG_OPTIONS);

    private Help() {}

    /** The rows of these options, in this order. */
    static String options(List<Option> options) {
        StringBuilder sb = new StringBuilder();
        for (Option o : options) {
            // A flag's default is always off: it has no Default line.
            String dflt = o.isFlag() ? null : o.defaultValue();
            sb.append(row(o.usage(), o.help(), dflt, o.isFlag() ? null : o.range()));
        }
        return sb.toString();
    }

    /** One option: {@code --name VALUE  help}, then {@code Default: d (allowed: r)} when there is a default. */
    static String row(String usage, String help, String defaultValue, String range) {
        StringBuilder sb = new StringBuilder(String.format("  %-24s %s%n", usage, help));
        String allowed = range == null ? "" : "allowed: " + range;
        if (defaultValue != null && !defaultValue.isEmpty()) {
            sb.append(String.format("  %-24s Default: %s%s%n", "", defaultValue,
                    allowed.isEmpty() ? "" : " (" + allowed + ")"));
        } else if (!allowed.isEmpty()) {
            sb.append(String.format("  %-24s %s%n", "", "A" + allowed.substring(1)));
        }
        return sb.toString();
    }

    /** The flags' options, for the migrate help's prose. */
    private static String flags() {
        return String.join(", ", Arrays.stream(Option.values()).filter(Option::isFlag).map(Option::usage).toList());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static String general() {
        return """
                lakeshift: move a data lake into OCI Object Storage with Apache Spark.

                Usage: lakeshift <command> [options]

                Commands:
                  migrate    copy every file below --source into --target, verify each, write the migration log
                  plan       dry run: list, compare with the target, and write and print the plan; change nothing
                  check      compare a source with a target filled by any tool: missing, differ, extra, match lists
                  status     one run from its log: summary, counts per status, every failed file
                  report     every run in a log location: files, bytes and throughput per run
                  demo       generate a sample Parquet lake and migrate it into a local OCI emulator
                  emulator   run the local OCI Object Storage emulator (see docs/emulator.md)
                  help       this text

                Run 'lakeshift <command> --help' for the options of a command.
                Exit codes: 0 all files copied (check: everything matches); 1 some files failed, see the log
                (check: some file missing, differing or not compared, or an object extra); 2 bad command line
                or settings; 3 the run could not start or finish (source, target or plan rejected); 4 stopped by
                --max-transfer or --max-duration with files left (none failed): run again to continue.
                """;
    }

    static String migrate() {
        return """
                Usage: lakeshift migrate --source URI --target oci://bucket@namespace/prefix [options]
                       lakeshift plan    --source URI --target oci://bucket@namespace/prefix [options]

                Lists every file below the source (skipping bookkeeping files), names each object
                <prefix><path below the source>, spreads the files over Spark partitions by bytes, streams
                each into OCI Object Storage (one PUT below --multipart-threshold, parallel multipart
                above), checks OCI's MD5 against the one computed while reading, and writes one JSON line
                per file plus summary.json to the log location.

                Each file is compared with the target first: a target holding the same version (same size
                and the fingerprint recorded at its copy: source ETag, MD5, modification time) is skipped
                as equal, so a re-run sends only what is new or changed, and a run stopped at any point can
                simply be run again. 'plan' (or --dry-run) shows what a run would do and changes nothing.

                Each setting can also be given in a --conf properties file under the same name, e.g.
                part-size=64MiB; the command line wins. Sizes: 5000, 64KiB, 128MiB, 1GiB.
                Flags (%s) are given alone, or as --verify=false;
                in a --conf file as verify=true or false.

                Exit codes: 0 every file copied and verified (warnings, such as a corrupt Parquet file copied
                byte for byte, are in the summary); 1 some files failed; 2 bad settings; 3 the run could not
                start or finish; 4 --max-transfer or --max-duration stopped it with files left and none
                failed: run it again to continue.

                Options:
                """.formatted(flags()) + options(Arrays.asList(Option.values())) + """

                Examples:
                  lakeshift migrate --source file:///data/lake --target oci://lake@mytenancy/raw/
                  spark-submit --class io.lakeshift.cli.Main lakeshift.jar migrate \\
                      --source s3a://old-lake/tables --target oci://lake@mytenancy/tables/ --oci-profile MIGRATION
                """;
    }

    /** What only a migration uses; check takes every other option. */
    static final List<Option> MIGRATE_ONLY = List.of(Option.MULTIPART_THRESHOLD, Option.PARALLEL_PARTS,
            Option.PARALLEL_FILES, Option.MODE, Option.OVERWRITE, Option.MAX_DELETE, Option.DRY_RUN, Option.VERIFY,
            Option.PARQUET_CHECK, Option.FILE_TIMEOUT, Option.ESTIMATE_RATE, Option.BWLIMIT, Option.BWLIMIT_SCHEDULE,
            Option.MAX_TRANSFER, Option.MAX_DURATION);
    static final List<Option> CHECK_OPTIONS = Arrays.stream(Option.values()).filter(o -> !MIGRATE_ONLY.contains(o))
            .toList();

    static String check() {
        return """
                Usage: lakeshift check --source URI --target oci://bucket@namespace/prefix [options]

                Compares every file below the source with the target, which any tool may have filled (no
                lakeshift metadata needed). Files are listed, left out and named exactly as migrate would.
                Each is then:
                  missing  no object of its name;
                  differ   the object's size differs, or its MD5 does;
                  extra    an object below the prefix that no source file names (the log aside);
                  match    same size, and the same MD5 where one can be had: MD5s the stores keep (OCI's
                           Content-MD5, an S3 ETag of a single-part object, ADLS's Content-MD5) are compared,
                           and a side that keeps none is read to compute it. A multipart object keeps only the
                           MD5 of its parts' MD5s: the source is read cut at every part size that gives the
                           object's number of parts (--part-size, the OCI SDK's and CLI's 128MiB, ...), and if
                           none does, the object is read. Where neither side keeps an MD5 (file systems) the
                           sizes decide, and the match says 'size'; --download reads both sides of every file;
                  error    could not be compared (a read failed after --max-attempts), never a match.
                The comparisons (and every read) run on the Spark executors. One JSON line per file goes to
                <log>check/run_id=<id>/<result>-NNNNN.jsonl, with summary.json beside them.

                Exit codes: 0 everything matches; 1 something does not (missing, differ, extra or error; see
                the lists); 2 bad command line or settings; 3 the check could not start (source, target).

                Options:
                """ + options(CHECK_OPTIONS) + """

                Examples:
                  lakeshift check --source s3a://old-lake/tables --target oci://lake@mytenancy/tables/
                  lakeshift check --source file:///data/lake --target oci://lake@mytenancy/raw/ --download
                """;
    }

    static String status() {
        return """
                Usage: lakeshift status --run-id ID (--target oci://bucket@namespace/ | --log URI) [--oci-* options]

                Reads one run's log back from its bucket (or folder): its summary, the files per status, and
                every failed file with its reason. Exit code 1 if the run has failed files.

                Options:
                """ + options(STATUS_OPTIONS);
    }

    static String report() {
        return """
                Usage: lakeshift report (--target oci://bucket@namespace/ | --log URI) [--oci-* options]

                Lists every run in a log location: when it ran, files, failures, files copied, bytes sent,
                duration and throughput. Dry runs and runs without a summary (running or stopped) are marked.

                Options:
                """ + options(LOG_OPTIONS);
    }

    static String demo() {
        return """
                Usage: lakeshift demo [--dir DIR] [--rows N]

                Generates a sample Parquet lake (a datetime index and 22 float columns, split over partition
                folders, plus one file above the multipart threshold), starts the local OCI Object Storage
                emulator, migrates the lake into it, reads every object back to compare bytes, and prints
                the summary and where the log is.

                Options:
                """ + Demo.options();
    }
}
