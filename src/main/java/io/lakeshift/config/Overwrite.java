package io.lakeshift.config;

/** When an existing target object is replaced. */
public enum Overwrite {
    /** Never: an existing object is left as it is, even if the source differs. */
    NEVER,
    /** When the source's size or fingerprint differs from the one recorded at the object's copy. */
    CHANGED,
    /** Always: every file is sent again. */
    ALWAYS
}
