package io.lakeshift.source;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.storage.blob.models.BlobStorageException;
import io.lakeshift.io.ChangedException;
import io.lakeshift.io.DeniedException;
import io.lakeshift.io.NotFoundException;
import io.lakeshift.io.PermanentException;
import io.lakeshift.io.StorageException;
import io.lakeshift.io.TransientException;

/**
 * The one place Azure SDK exceptions become lakeshift's types (statuses as the Blob service documents them: 404
 * not found, 412 condition not met, 401/403 refused, 429 and 5xx worth another try).
 */
final class AzureExceptions {
    private AzureExceptions() {}

    static StorageException translate(String text, RuntimeException e) {
        if (e instanceof ClientAuthenticationException) {
            return new DeniedException(text, e);
        }
        if (!(e instanceof BlobStorageException b)) {
            return new TransientException(text, e); // the SDK's I/O failures arrive unchecked
        }
        int s = b.getStatusCode();
        if (s == 404) {
            return new NotFoundException(text, e);
        }
        if (s == 412 || s == 409) {
            return new ChangedException(text, e);
        }
        if (s == 401 || s == 403) {
            return new DeniedException(text, e);
        }
        if (s == 429 || s >= 500) {
            return new TransientException(text, e);
        }
        return new PermanentException(text, e);
    }
}
