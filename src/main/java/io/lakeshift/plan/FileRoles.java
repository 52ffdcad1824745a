package io.lakeshift.plan;

import io.lakeshift.model.SourceFile;
import java.util.Optional;

/**
 * What the planner learns only once the whole listing is in: which listed files are left out, and which are copied
 * last, after every other file has been copied (a table's log, so no reader sees a version whose files are missing).
 */
public interface FileRoles {
    /** Every file copied, in one phase. */
    FileRoles NONE = new FileRoles() {
        @Override
        public Optional<String> leaveOut(String relativePath) {
            return Optional.empty();
        }

        @Override
        public boolean last(String relativePath) {
            return false;
        }
    };

    /** Why the file at this path below the source root is not copied, or empty. */
    Optional<String> leaveOut(String relativePath);

    /** Whether the file is copied in the second phase, once the first has fully succeeded. */
    boolean last(String relativePath);

    /**
     * The file copied in place of a listed one (an Iceberg metadata file rewritten for the target), or empty to
     * copy the listed file.
     */
    default Optional<SourceFile> replace(SourceFile listed) {
        return Optional.empty();
    }
}
