package io.lakeshift.cli;

import io.lakeshift.config.CheckConfig;
import io.lakeshift.config.ConfigException;
import io.lakeshift.config.ConfigLoader;
import io.lakeshift.config.MigrationConfig;
import io.lakeshift.secrets.Secrets;
import io.lakeshift.config.Suggestions;
import io.lakeshift.emulator.EmulatorMain;
import io.lakeshift.run.JobException;
import io.lakeshift.io.Retry;
import io.lakeshift.job.CheckJob;
import io.lakeshift.job.MigrationJob;
import io.lakeshift.run.SourceOpening;
import io.lakeshift.log.CheckSummary;
import io.lakeshift.log.RunSummary;
import io.lakeshift.plan.PlanException;
import io.lakeshift.io.Errors;
import io.lakeshift.model.ByteSize;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code lakeshift <command> [options]}: the entry point of bin/lakeshift and of spark-submit. */
public final class Main {
    /** Every file copied and verified. */
    public static final int OK = 0;
    /** The run finished, but some files failed; see the log. */
    public static final int FILES_FAILED = 1;
    /** The command line or settings are wrong; nothing ran. */
    public static final int USAGE = 2;
    /** The run could not start or finish (source, target, plan); nothing or not everything ran. */
    public static final int CANNOT_RUN = 3;
    /** check: not everything matched (a file missing, differing or not compared, or an object extra); see its lists. */
    public static final int MISMATCH = 1;
    /** No file failed, but --max-transfer or --max-duration left files for the next run (which continues). */
    public static final int STOPPED = 4;
    /** Every file copied and verified, but a copied table, opened at the target, differs from the source's version
     * (its table record in the log says how: docs/tables.md). */
    public static final int TABLE_MISMATCH = 5;

    static final List<String> COMMANDS = List.of("migrate", "plan", "check", "status", "report", "demo", "emulator", "help");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs a command with this process's environment; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    /**
     * Runs a command; returns the exit code.
     *
     * @param env the environment the settings see (the only place it is read is {@link #main})
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Consumer<String> warn = w -> err.println("lakeshift: warning: " + Secrets.redact(w));
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(Help.general());
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (command) {
                case "migrate" -> rest.contains("--help") ? help(out, Help.migrate())
                        : migrate(ConfigLoader.load(rest, env, warn), out, err);
                case "plan" -> rest.contains("--help") ? help(out, Help.migrate())
                        : migrate(ConfigLoader.load(withDryRun(rest), env, warn), out, err);
                case "check" -> rest.contains("--help") ? help(out, Help.check())
                        : check(CheckConfig.load(rest, env, warn), out, err);
                case "status" -> rest.contains("--help") ? help(out, Help.status())
                        : RunLogs.status(ConfigLoader.readArgs(rest, warn), env, out);
                case "report" -> rest.contains("--help") ? help(out, Help.report())
                        : RunLogs.report(ConfigLoader.readArgs(rest, warn), env, out);
                case "demo" -> rest.contains("--help") ? help(out, Help.demo()) : Demo.run(rest, env, out);
                case "emulator" -> emulator(rest, out, err);
                default -> {
                    String hint = Suggestions.closest(command, COMMANDS).map(c -> "; did you mean '" + c + "'?")
                            .orElse("; commands: " + String.join(", ", COMMANDS));
                    throw new ConfigException("unknown command '" + command + "'" + hint);
                }
            };
        } catch (ConfigException e) {
            err.println("lakeshift: " + Secrets.redact(e.getMessage()));
            return USAGE;
        } catch (JobException | PlanException e) {
            err.println("lakeshift: " + Secrets.redact(e.getMessage()));
            return CANNOT_RUN;
        } catch (IOException | RuntimeException e) {
            err.println("lakeshift: " + Errors.oneLine(e));
            return CANNOT_RUN;
        }
    }

    /** The emulator ships apart from the job's jars: there it is missing, and the line says where it is. */
    private static int emulator(List<String> args, PrintStream out, PrintStream err) {
        try {
            return EmulatorMain.run(args.toArray(String[]::new), out, err);
        } catch (NoClassDefFoundError e) {
            throw new ConfigException("emulator: not in this jar (the emulator ships apart from the job); run"
                    + " bin/lakeshift emulator from a lakeshift checkout");
        }
    }

    private static int help(PrintStream out, String text) {
        out.print(text);
        return OK;
    }

    static int migrate(MigrationConfig config, PrintStream out, PrintStream err) throws IOException {
        startLogging();
        // Credentials and bucket, checked while Spark starts; a refusal ends the run before anything is read.
        TargetCheckThread targetCheck = TargetCheckThread.start(config, Retry.attempts(config.transfer().maxAttempts()));
        SourceOpening source = MigrationJob.openSource(config); // its client built while Spark starts, too
        return MigrationJob.withSpark(config, spark -> {
            RunSummary summary = new MigrationJob(spark, out).run(config, targetCheck.await(), source);
            if (!config.dryRun()) {
                out.print(SummaryText.of(summary));
            }
            if (!summary.succeeded()) {
                err.println("lakeshift: " + summary.failedCount() + " of " + summary.filesTotal()
                        + " files failed; see " + summary.log());
                return FILES_FAILED;
            }
            if (summary.tableMismatch()) {
                err.println("lakeshift: a copied table differs from the source's version at the target; see the"
                        + " table records (status table) in " + summary.log());
                return TABLE_MISMATCH;
            }
            if (summary.stopped()) {
                err.println("lakeshift: stopped by --" + summary.stoppedBy().replace(",", " and --") + ": "
                        + summary.notStarted() + " files (" + ByteSize.format(summary.notStartedBytes())
                        + ") not started; run again to continue");
                return STOPPED;
            }
            return OK;
        });
    }

    /**
     * Starts the logging before the threads that run beside Spark's start: each library's first log line would
     * otherwise start it on several threads at once, and log4j 2 then prints a stack trace of its own ("Could not
     * register mbeans ... InstanceAlreadyExistsException").
     */
    private static void startLogging() {
        org.slf4j.LoggerFactory.getLogger(Main.class);
    }

    static int check(CheckConfig config, PrintStream out, PrintStream err) throws IOException {
        startLogging();
        TargetCheckThread targetCheck = TargetCheckThread.start(config.run(), Retry.attempts(config.run().maxAttempts()));
        return MigrationJob.withSpark(config.run(), spark -> {
            CheckSummary summary = new CheckJob(spark, out).run(config, targetCheck.await());
            out.print(CheckText.of(summary));
            if (!summary.allMatch()) {
                err.println("lakeshift: check found differences: " + summary.files() + "; see " + summary.log());
                return MISMATCH;
            }
            return OK;
        });
    }

    private static List<String> withDryRun(List<String> args) {
        List<String> all = new java.util.ArrayList<>(args);
        all.add("--dry-run");
        return all;
    }
}
