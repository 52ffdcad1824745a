package io.lakeshift.table;

/**
 * What verifying one copied table found: the source's version and the target's side by side.
 *
 * @param copy the table copied
 * @param outcome equal, mismatch or not verified
 * @param sourceRows rows of the source's version, or null when not known (no numRecords stats, not verified)
 * @param targetRows rows of the target's version, or null when not known
 * @param sourceFiles data files the source's version references
 * @param targetFiles data files the target's version references that are at the target with their size
 * @param schemaEqual whether the schemas are equal, or null when not compared
 * @param note how rows were counted, what differs, or why it was not verified
 */
public record TableCheck(TableCopy copy, Outcome outcome, Long sourceRows, Long targetRows, Long sourceFiles,
        Long targetFiles, Boolean schemaEqual, String note) {

    /** What the comparison found. */
    public enum Outcome {
        /** Version, schema, files and rows equal. */
        EQUAL,
        /** Something differs, or the target cannot be read at the version: the note says what. */
        MISMATCH,
        /** Not compared: the note says why (no file system for the target's scheme, the log held back, ...). */
        NOT_VERIFIED;

        public String label() {
            return this == NOT_VERIFIED ? "not verified" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static TableCheck notVerified(TableCopy copy, String why) {
        return new TableCheck(copy, Outcome.NOT_VERIFIED, null, null, null, null, null, why);
    }
}
