package io.lakeshift.plan;

import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetObject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One object name of a distributed plan: the source files that map to it (none for an object only the target
 * holds), the object the target holds there and what an earlier run recorded about it, planned with the same
 * {@link FileRules} the driver's {@link Planner} applies. What {@link Planner#finish} checks over the whole plan
 * (names the target cannot store, two files sharing a name) is found here per name, so the cluster only adds up
 * counts and keeps a few examples.
 *
 * @param files the planned work (a delete for an object with no source file, in sync mode)
 * @param badNames why the target cannot store each file's name ("'uri': why")
 * @param collisions pairs of files that share this name (n files: n - 1, as the driver counts them)
 * @param collisionExamples the first of those pairs, described
 */
public record NameGroup(List<PlannedFile> files, List<String> badNames, long collisions,
        List<String> collisionExamples) implements Serializable {

    /**
     * @param sources the listed files, bookkeeping ones already left out ({@link FileRules#skips})
     * @param target the object at the name, or null
     * @param recorded the latest record of the name in the history, or null
     */
    public static NameGroup plan(FileRules rules, String name, List<SourceFile> sources, TargetObject target,
            CopyRecord recorded) {
        if (sources.isEmpty()) {
            List<PlannedFile> delete = target == null ? List.of()
                    : rules.delete(target).map(List::of).orElse(List.of());
            return new NameGroup(delete, List.of(), 0, List.of());
        }
        List<PlannedFile> files = new ArrayList<>(sources.size());
        List<String> badNames = new ArrayList<>();
        for (SourceFile f : sources) {
            PlannedFile planned = rules.plan(f, name, target, recorded);
            rules.badName(planned).ifPresent(badNames::add);
            files.add(planned);
        }
        List<PlannedFile> clashing = new ArrayList<>(files.stream().filter(FileRules::collides).toList());
        clashing.sort(Comparator.comparing(PlannedFile::relativePath));
        List<String> examples = new ArrayList<>();
        for (int i = 1; i < clashing.size() && examples.size() < FileRules.MAX_REPORTED; i++) {
            examples.add(FileRules.collision(clashing.get(i - 1), clashing.get(i)));
        }
        return new NameGroup(files, badNames, Math.max(0, clashing.size() - 1), examples);
    }
}
