package io.lakeshift.emulator.iam;

/**
 * Where the facts in this package come from. Every permission, verb grant and operation requirement here is taken
 * from Oracle's public policy reference, "Details for Object Storage and Archive Storage",
 * https://docs.oracle.com/en-us/iaas/Content/Identity/Reference/objectstoragepolicyreference.htm (page updated
 * 2025-07-14; read 2026-12-01 from a copy fetched 2026-09-05): its sections "Details for Verb + Resource-Type
 * Combinations" and "Permissions Required for Each API Operation". The policy syntax (conditions, patterns,
 * case-insensitive matching) is from "Conditions", https://docs.oracle.com/iaas/Content/Identity/policysyntax/conditions.htm,
 * and "General Variables for All Requests",
 * https://docs.oracle.com/iaas/Content/Identity/policyreference/policyreference_topic-General_Variables_for_All_Requests.htm
 * (both read 2026-12-01). Dynamic-group matching rules for Data Flow runs
 * ({@code ALL {resource.type='dataflowrun', resource.compartment.id='...'}}) are from "Resource Principal Policies",
 * https://docs.oracle.com/en-us/iaas/data-flow/using/resource-principal-policies.htm (read 2026-12-01).
 */
public final class Reference {
    public static final String POLICY_REFERENCE =
            "https://docs.oracle.com/en-us/iaas/Content/Identity/Reference/objectstoragepolicyreference.htm";
    public static final String READ_ON = "2026-12-01";

    private Reference() {
    }
}
