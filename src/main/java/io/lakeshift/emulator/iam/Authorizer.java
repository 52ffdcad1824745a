package io.lakeshift.emulator.iam;

import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.auth.Principal;
import io.lakeshift.emulator.storage.BucketRecord;
import io.lakeshift.emulator.storage.Storage;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The authorization step of the emulator: after a request's signature is verified, checks the permissions its
 * operation needs ({@link Operations}) against the {@link Policy}. A refusal is answered as OCI answers it, 404
 * with "not found or not authorized" wording so that a caller cannot tell a bucket it may not see from one that is
 * not there, and is reported on the emulator's console naming the missing permission and a statement that would
 * grant it.
 *
 * <p>The answers: for bucket and object operations 404 {@code BucketNotFound} "Either the bucket named 'b' does not
 * exist in the namespace 'n' or you are not authorized to access it", the service's text as quoted in
 * https://github.com/oracle/oci-java-sdk/issues/113 (PutObject) and https://github.com/oracle/oci-python-sdk/issues/484
 * (ListObjects), both read 2026-12-01; for namespace-level operations (GetNamespaceMetadata, ListBuckets,
 * CreateBucket) 404 {@code NamespaceNotFound}, which the emulator already answers for a namespace not its own.
 */
public final class Authorizer {
    private final Policy policy;
    private final Storage storage;
    private final String namespace;
    private final String tenancy;
    private final Consumer<String> console;

    /**
     * @param tenancy the emulator's tenancy, whose policy this is: a principal of another tenancy (a session token
     *                whose {@code res_tenant} is not it) is granted nothing, as OCI grants another tenancy's
     *                principals nothing without cross-tenancy (endorse/admit) statements, which the emulator refuses
     * @param console where refusals are reported, one line each
     */
    public Authorizer(Policy policy, Storage storage, String namespace, String tenancy, Consumer<String> console) {
        this.policy = policy;
        this.storage = storage;
        this.namespace = namespace;
        this.tenancy = tenancy;
        this.console = console;
    }

    /**
     * @param query the request's query parameters (ListBuckets' compartmentId, GetNamespace's compartmentId)
     * @throws OciException when the policy does not grant what the operation needs
     */
    public void authorize(Principal principal, String operation, String bucket, String object,
                          Map<String, String> query) {
        boolean objectExists = operation.equals("PutObject") && bucket != null && object != null
                && storage.object(bucket, object).isPresent();
        Requirement requirement = Operations.of(operation, query.containsKey("compartmentId"), objectExists);
        if (requirement == null) {
            return; // not served: the handler answers it
        }
        String compartment = bucket == null ? query.get("compartmentId")
                : storage.bucket(bucket).map(BucketRecord::compartmentId).orElse(null);
        Policy.Target target = new Policy.Target(operation, bucket, object, compartment);
        boolean foreign = !tenancy.equalsIgnoreCase(principal.tenancy());
        Policy.Decision d = foreign ? policy.decideForNobody(requirement) : policy.decide(principal, requirement, target);
        if (d.allowed()) {
            return;
        }
        console.accept(foreign ? foreignRefusal(principal, target, d) : refusal(principal, target, d));
        throw answer(bucket);
    }

    private OciException answer(String bucket) {
        if (bucket == null) {
            return new OciException(404, "NamespaceNotFound",
                    "You do not have authorization to perform this request, or the requested resource could not be found.");
        }
        return new OciException(404, "BucketNotFound", "Either the bucket named '" + bucket
                + "' does not exist in the namespace '" + namespace + "' or you are not authorized to access it");
    }

    /** One line for a principal of another tenancy: who, what, and why no statement of this policy applies. */
    String foreignRefusal(Principal principal, Policy.Target target, Policy.Decision d) {
        return "IAM: refused " + target.operation()
                + (target.bucket() == null ? "" : " on bucket '" + target.bucket() + "'")
                + (target.object() == null ? "" : " object '" + target.object() + "'")
                + " for " + who(principal) + " of tenancy " + principal.tenancy() + ": needs "
                + d.requirement().describe() + "; no statement grants " + d.missing().name() + " to a principal of"
                + " another tenancy than " + tenancy + " (cross-tenancy endorse/admit statements are not supported by"
                + " the emulator)";
    }

    private static String who(Principal principal) {
        return (principal.kind() == Principal.Kind.USER ? "user " : "resource principal ") + principal.id()
                + (principal.kind() == Principal.Kind.RESOURCE && principal.claim(PolicyParser.CLAIM_TYPE) != null
                ? " (" + principal.claim(PolicyParser.CLAIM_TYPE) + ")" : "");
    }

    /** One line: who, what, which permission is missing, and a statement that would grant it. */
    String refusal(Principal principal, Policy.Target target, Policy.Decision d) {
        Permission p = d.missing();
        List<String> in = policy.memberships(principal);
        String who = who(principal)
                + (in.isEmpty() ? ", in no group of the policy" : ", in " + String.join(", ", in));
        String subject = in.isEmpty() ? "any-user" : in.get(0);
        String location = target.compartmentId() == null ? "tenancy" : "compartment " + target.compartmentId();
        String where = target.bucket() == null ? "" : " where target.bucket.name = '" + target.bucket() + "'";
        return "IAM: refused " + target.operation()
                + (target.bucket() == null ? "" : " on bucket '" + target.bucket() + "'")
                + (target.object() == null ? "" : " object '" + target.object() + "'")
                + " for " + who + ": needs " + d.requirement().describe() + "; no statement grants " + p.name()
                + " (e.g. allow " + subject + " to " + p.grantedBy() + " in " + location + where + ")";
    }
}
