package io.lakeshift.plan;

import io.lakeshift.model.SourceFile;
import java.io.Serializable;

/** A source file and the object it becomes. */
public record PlannedFile(SourceFile source, String objectName) implements Serializable {}
