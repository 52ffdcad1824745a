package io.lakeshift.plan;

import io.lakeshift.config.Mode;
import io.lakeshift.config.Overwrite;
import io.lakeshift.model.HadoopLocation;
import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetLocation;
import io.lakeshift.model.TargetObject;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The per-file rules of a plan, one piece of code for both ways of planning: the driver's {@link Planner}, which
 * streams the listing through them, and the cluster's distributed join, which applies them row by row on the
 * executors. Serializable, so it ships to them.
 */
public final class FileRules implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Examples an error names at most; the count covers the rest. */
    public static final int MAX_REPORTED = 10;

    private final TargetLocation target;
    private final SkipRules skipRules;
    private final Filters filters;
    private final Overwrite overwrite;
    private final Mode mode;
    private final String protectedPrefix;

    /** @param protectedPrefix object names sync must never delete (the log's own folder), or null */
    public FileRules(TargetLocation target, SkipRules skipRules, Filters filters, Overwrite overwrite, Mode mode,
            String protectedPrefix) {
        this.target = target;
        this.skipRules = skipRules;
        this.filters = filters;
        this.overwrite = overwrite;
        this.mode = mode;
        this.protectedPrefix = protectedPrefix;
    }

    public TargetLocation target() {
        return target;
    }

    public Mode mode() {
        return mode;
    }

    /** A bookkeeping file (--skip): not part of the plan at all. */
    public boolean skips(SourceFile file) {
        return skipRules.skips(file.relativePath());
    }

    /** The object a source file becomes. */
    public String objectName(SourceFile file) {
        return target.objectName(file.relativePath());
    }

    /** A file whose copy is a staged rewrite (an Iceberg table's metadata): decided again on what is copied. */
    public PlannedFile restaged(PlannedFile f, SourceFile staged, CopyRecord recorded) {
        Action action = Decision.decide(staged, f.target(), recorded, overwrite);
        return new PlannedFile(staged, f.objectName(), f.relativePath(), action, f.target(),
                recorded == null ? null : recorded.md5(),
                action == Action.EXCLUDE ? "target exists and differs; --overwrite never" : null);
    }

    /**
     * The work for one source file that is not skipped, given the object at its name and what an earlier run
     * recorded about that object (either may be null).
     */
    public PlannedFile plan(SourceFile file, String name, TargetObject existing, CopyRecord recorded) {
        String excluded = filters.excludes(file).orElse(null);
        if (excluded != null) {
            return new PlannedFile(file, name, file.relativePath(), Action.EXCLUDE, existing, null, excluded);
        }
        Action action = Decision.decide(file, existing, recorded, overwrite);
        String note = action == Action.EXCLUDE ? "target exists and differs; --overwrite never" : null;
        boolean reads = action.sendsBytes() || action == Action.CHECK
                || mode == Mode.MOVE && action == Action.SKIP_EQUAL; // move reads an equal file's MD5 first
        if (file.archived() != null && reads) {
            // Its bytes cannot be read until the store restores them: reported, not attempted.
            action = Action.ARCHIVED;
            note = "archived (" + file.archived().describe() + ")";
        }
        return new PlannedFile(file, name, file.relativePath(), action, existing,
                recorded == null ? null : recorded.md5(), note);
    }

    /** Why the target cannot store a planned file's name ("'uri': why"), or empty; excluded files need no name. */
    public Optional<String> badName(PlannedFile f) {
        if (f.source() == null || f.action() == Action.EXCLUDE) {
            return Optional.empty();
        }
        return ObjectNames.problem(f.objectName(), target).map(why -> "'" + printable(f.source().uri()) + "': " + why);
    }

    /** Whether two files mapping to one name clash (an excluded one is not sent, so clashes with nothing). */
    public static boolean collides(PlannedFile f) {
        return f.source() != null && f.action() != Action.EXCLUDE;
    }

    /** The example a collision error gives for two files sharing a name. */
    public static String collision(PlannedFile a, PlannedFile b) {
        return "'" + printable(a.source().uri()) + "' and '" + printable(b.source().uri()) + "' both map to '"
                + printable(a.objectName()) + "'";
    }

    /**
     * sync: the delete of a target object no source file maps to, or empty when it is kept (not sync, outside the
     * prefix, filtered, bookkeeping, or the log's own).
     */
    public Optional<PlannedFile> delete(TargetObject t) {
        if (mode != Mode.SYNC || !t.name().startsWith(target.prefix())) {
            return Optional.empty();
        }
        String relative = t.name().substring(target.prefix().length());
        boolean isProtected = protectedPrefix != null && t.name().startsWith(protectedPrefix);
        if (isProtected || relative.isEmpty() || skipRules.skips(relative)
                || filters.excludesName(relative).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new PlannedFile(null, t.name(), relative, Action.DELETE, t, null, "no source file"));
    }

    /** The error for names the target cannot store: how many, and the first examples. */
    public PlanException badNames(long count, List<String> examples) {
        return new PlanException(count + " source file(s) have names "
                + (target instanceof HadoopLocation ? "the target " + target : "OCI Object Storage") + " cannot store: "
                + String.join("; ", examples) + (count > examples.size() ? "; ..." : "")
                + ". Rename them, or leave them out with --skip.");
    }

    /** The error for files sharing a name: how many pairs, and the first examples. */
    public static PlanException collisions(long count, List<String> examples) {
        return new PlanException(count + " target name collision(s): " + String.join("; ", examples)
                + (count > examples.size() ? "; ..." : "") + ". Rename one of each pair, or leave it out with --skip.");
    }

    /** What a piece of work weighs when partitions are balanced. */
    public static long cost(PlannedFile f) {
        return f.action().sendsBytes() || f.action() == Action.CHECK ? f.sourceSize() + Planner.FILE_COST_BYTES
                : Planner.SMALL_COST;
    }

    /** Whether the run reads the file's bytes (a copy or a check). */
    public static boolean reads(PlannedFile f) {
        return f.action().sendsBytes() || f.action() == Action.CHECK;
    }

    /** Control characters shown as escapes, so an error message stays on one line. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
