package io.lakeshift.emulator.iam;

/**
 * Object Storage permissions, each with its individual resource-type and the least verb on that type that grants it
 * (see {@link ResourceTypes} and {@link Reference}).
 */
public enum Permission {
    OBJECTSTORAGE_NAMESPACE_READ("objectstorage-namespaces", Verb.READ),
    OBJECTSTORAGE_NAMESPACE_UPDATE("objectstorage-namespaces", Verb.MANAGE),
    BUCKET_INSPECT("buckets", Verb.INSPECT),
    BUCKET_READ("buckets", Verb.READ),
    BUCKET_UPDATE("buckets", Verb.USE),
    BUCKET_CREATE("buckets", Verb.MANAGE),
    BUCKET_DELETE("buckets", Verb.MANAGE),
    PAR_MANAGE("buckets", Verb.MANAGE),
    RETENTION_RULE_MANAGE("buckets", Verb.MANAGE),
    RETENTION_RULE_LOCK("buckets", Verb.MANAGE),
    OBJECT_INSPECT("objects", Verb.INSPECT),
    OBJECT_READ("objects", Verb.READ),
    OBJECT_OVERWRITE("objects", Verb.USE),
    OBJECT_CREATE("objects", Verb.MANAGE),
    OBJECT_DELETE("objects", Verb.MANAGE),
    OBJECT_VERSION_DELETE("objects", Verb.MANAGE),
    OBJECT_RESTORE("objects", Verb.MANAGE),
    OBJECT_UPDATE_TIER("objects", Verb.MANAGE);

    private final String resourceType;
    private final Verb leastVerb;

    Permission(String resourceType, Verb leastVerb) {
        this.resourceType = resourceType;
        this.leastVerb = leastVerb;
    }

    public String resourceType() {
        return resourceType;
    }

    /** The weakest verb on {@link #resourceType()} that grants this permission. */
    public Verb leastVerb() {
        return leastVerb;
    }

    /** "read buckets", "manage objects": what a statement must say to grant this. */
    public String grantedBy() {
        return leastVerb.word() + " " + resourceType;
    }
}
