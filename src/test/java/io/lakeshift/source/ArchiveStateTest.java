package io.lakeshift.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.s3.model.transform.RequestXmlFactory;
import com.azure.storage.blob.models.AccessTier;
import com.azure.storage.blob.models.ArchiveStatus;
import com.azure.storage.blob.models.BlobItemProperties;
import io.lakeshift.model.Archived;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The restore states s3proxy and Azurite cannot produce, against the stores' references. S3 (Amazon S3 API
 * Reference, API version 2006-03-01): HeadObject's {@code x-amz-restore} is absent when no restore was asked,
 * {@code ongoing-request="true"} while one runs, {@code ongoing-request="false", expiry-date="..."} once the
 * restored copy can be read (the AWS SDK parses it into {@code ObjectMetadata.getOngoingRestore()}); RestoreObject
 * takes a RestoreRequest with Days and GlacierJobParameters/Tier. Azure (Storage Blob reference, Get Blob
 * Properties / List Blobs): an archived blob being rehydrated keeps AccessTier Archive with ArchiveStatus
 * rehydrate-pending-to-hot or -cool; once rehydrated it is Hot or Cool.
 */
class ArchiveStateTest {
    @Test
    void s3RestoreHeaderStates() {
        assertEquals(new Archived("GLACIER", false), S3aListing.archived("GLACIER", null));
        assertEquals(new Archived("DEEP_ARCHIVE", true), S3aListing.archived("DEEP_ARCHIVE", true));
        assertNull(S3aListing.archived("GLACIER", false), "restored: readable, copied like any file");
        assertTrue(S3aListing.ARCHIVE_CLASSES.contains("GLACIER") && S3aListing.ARCHIVE_CLASSES.contains("DEEP_ARCHIVE"));
        assertEquals(2, S3aListing.ARCHIVE_CLASSES.size(), "GLACIER_IR and the others read at once");
    }

    @Test
    void s3RestoreRequestCarriesTheDaysAndStandardRetrieval() {
        String xml = new String(RequestXmlFactory.convertToXmlByteArray(S3aListing.request("b", "k", 7)),
                StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<RestoreRequest>"), xml);
        assertTrue(xml.contains("<Days>7</Days>"), xml);
        assertTrue(xml.contains("<GlacierJobParameters><Tier>Standard</Tier></GlacierJobParameters>"), xml);
    }

    @Test
    void azureArchiveTierAndPendingRehydration() {
        BlobItemProperties archived = new BlobItemProperties().setAccessTier(AccessTier.ARCHIVE);
        assertEquals(new Archived("Archive", false), AdlsSource.archived(archived));
        BlobItemProperties rehydrating = new BlobItemProperties().setAccessTier(AccessTier.ARCHIVE)
                .setArchiveStatus(ArchiveStatus.REHYDRATE_PENDING_TO_HOT);
        assertEquals(new Archived("Archive", true), AdlsSource.archived(rehydrating));
        assertNull(AdlsSource.archived(new BlobItemProperties().setAccessTier(AccessTier.HOT)));
        assertNull(AdlsSource.archived(new BlobItemProperties().setAccessTier(AccessTier.COOL)));
        assertNull(AdlsSource.archived(new BlobItemProperties()), "no tier listed (e.g. premium): readable");
    }
}
