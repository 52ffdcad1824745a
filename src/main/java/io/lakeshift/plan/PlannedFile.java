package io.lakeshift.plan;

import io.lakeshift.model.SourceFile;
import io.lakeshift.model.TargetObject;
import java.io.Serializable;

/**
 * One piece of work: a source file and the object it becomes, or (for {@link Action#DELETE}) a target object.
 *
 * @param source the source file, or null for a delete
 * @param objectName the target object's name
 * @param relativePath the path below the source root (for a delete: the object's path below the prefix)
 * @param action what to do
 * @param target the existing object, or null
 * @param recordedMd5 base64 MD5 of the object's content as recorded at its copy, or null
 * @param note why (for an exclusion), or null
 */
public record PlannedFile(SourceFile source, String objectName, String relativePath, Action action,
        TargetObject target, String recordedMd5, String note) implements Serializable {

    /** A plain copy of a file to a new object. */
    public static PlannedFile copy(SourceFile source, String objectName) {
        return new PlannedFile(source, objectName, source.relativePath(), Action.COPY_NEW, null, null, null);
    }

    public long sourceSize() {
        return source == null ? 0 : source.size();
    }
}
