package io.lakeshift.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeshift.emulator.OciException;
import io.lakeshift.emulator.storage.ObjectRecord;
import io.lakeshift.emulator.storage.Restore;
import io.lakeshift.emulator.storage.Storage;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Storage tiers after the write: RestoreObjects and UpdateObjectStorageTier, and the rule that an Archive object
 * is read only once restored.
 *
 * <p>Fields: RestoreObjectsDetails (objectName, hours, versionId) and UpdateObjectStorageTierDetails (objectName,
 * storageTier, versionId), OCI Java SDK 3.77.2. "By default objects will be restored for 24 hours"
 * (RestoreObjectsDetails.hours); the Console allows 1 to 240 hours (OCI docs, "Restoring an Object Storage Object
 * from Archive Storage"). A restore takes up to an hour on OCI; here it takes {@code restoreDelay} (zero by
 * default: the object is Restored at once), and {@code OciEmulator.completeRestores()} ends the ones under way.
 */
final class ArchiveApi {
    static final Set<String> RESTORE_FIELDS = Set.of("objectName", "hours", "versionId");
    static final Set<String> TIER_FIELDS = Set.of("objectName", "storageTier", "versionId");
    static final int DEFAULT_HOURS = 24;
    static final int MAX_HOURS = 240;

    private final Storage storage;
    private final long restoreDelayMillis;

    ArchiveApi(Storage storage, Duration restoreDelay) {
        this.storage = storage;
        this.restoreDelayMillis = restoreDelay.toMillis();
    }

    void restore(Call call, String bucket) throws IOException {
        JsonNode body = call.jsonBody();
        Refusals.knownFields(body, RESTORE_FIELDS, "RestoreObjectsDetails");
        String name = required(body, "objectName");
        int hours = hours(body.get("hours"));
        String versionId = BucketApi.text(body, "versionId");
        storage.bucket(bucket).orElseThrow(() -> OciException.bucketNotFound(bucket));
        storage.updateObject(bucket, name, o -> {
            checkVersion(bucket, o, versionId);
            long now = System.currentTimeMillis();
            String state = o.archivalState(now);
            if (state == null) {
                throw OciException.invalidParameter("The object '" + name + "' is in the " + o.storageTier()
                        + " tier; only Archive objects are restored");
            }
            if (state.equals("Restoring")) {
                return o; // already under way
            }
            // a Restored object stays readable and gets the new period from now
            long ready = state.equals("Restored") ? now : now + restoreDelayMillis;
            return o.withRestore(new Restore(ready, ready + Duration.ofHours(hours).toMillis()));
        });
        call.sendEmpty(200);
    }

    void updateTier(Call call, String bucket) throws IOException {
        JsonNode body = call.jsonBody();
        Refusals.knownFields(body, TIER_FIELDS, "UpdateObjectStorageTierDetails");
        String name = required(body, "objectName");
        String tier = ObjectApi.storageTier(required(body, "storageTier"));
        String versionId = BucketApi.text(body, "versionId");
        storage.bucket(bucket).orElseThrow(() -> OciException.bucketNotFound(bucket));
        storage.updateObject(bucket, name, o -> {
            checkVersion(bucket, o, versionId);
            if (tier.equals(o.storageTier())) {
                return o;
            }
            // An archived object's bytes are not at hand until restored (rclone issue #7417 shows OCI's 400
            // InvalidStorageTier for such a change).
            if (o.storageTier().equals("Archive") && !"Restored".equals(o.archivalState(System.currentTimeMillis()))) {
                throw new OciException(400, "InvalidStorageTier", "The object '" + name + "' is archived; restore it"
                        + " (RestoreObjects) before moving it to " + tier);
            }
            return o.withTier(tier);
        });
        call.sendEmpty(200);
    }

    /** GetObject of an Archive object that is not restored: 409 NotRestored. HeadObject is served. */
    static void checkReadable(ObjectRecord o, long now) {
        String state = o.archivalState(now);
        if (state != null && !state.equals("Restored")) {
            throw new OciException(409, "NotRestored", "The object '" + o.name() + "' is in the Archive tier ("
                    + state + "); restore it with RestoreObjects before reading it");
        }
    }

    private static int hours(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_HOURS;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > MAX_HOURS) {
            throw OciException.invalidParameter("hours must be a whole number from 1 to " + MAX_HOURS + ", not "
                    + node);
        }
        return node.asInt();
    }

    private static String required(JsonNode body, String field) {
        String value = BucketApi.text(body, field);
        if (value == null || value.isEmpty()) {
            throw OciException.missingParameter(field);
        }
        return value;
    }

    private static void checkVersion(String bucket, ObjectRecord o, String versionId) {
        if (versionId != null && !versionId.equals(ObjectApi.versionId(o))) {
            throw new OciException(404, "ObjectNotFound", "The version '" + versionId + "' of the object '"
                    + o.name() + "' was not found in the bucket '" + bucket + "'");
        }
    }
}
