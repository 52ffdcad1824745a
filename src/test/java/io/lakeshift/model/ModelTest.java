package io.lakeshift.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelTest {
    @Test
    void ociLocationParsesAndPrints() {
        OciLocation l = OciLocation.parse("oci://lake@tenancy/raw/2024");
        assertEquals("lake", l.bucket());
        assertEquals("tenancy", l.namespace());
        assertEquals("raw/2024/", l.prefix());
        assertEquals("raw/2024/a/b.parquet", l.objectName("a/b.parquet"));
        assertEquals("oci://lake@tenancy/raw/2024/", l.toString());
        assertEquals("", OciLocation.parse("oci://lake@tenancy").prefix());
        assertEquals("", OciLocation.parse("oci://lake@tenancy/").prefix());
        OciLocation noNs = OciLocation.parse("oci://lake/x");
        assertNull(noNs.namespace());
        assertEquals("oci://lake@ns/x/", noNs.withNamespace("ns").toString());
    }

    @Test
    void ociLocationRejectsBadNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OciLocation.parse("oci://bad bucket@ns/"));
        assertTrue(e.getMessage().contains("invalid OCI bucket name 'bad bucket'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OciLocation.parse("s3://b/"));
        assertThrows(IllegalArgumentException.class, () -> OciLocation.parse("oci://@ns/"));
    }

    @Test
    void byteSizesParseAndFormat() {
        assertEquals(5000, ByteSize.parse("5000"));
        assertEquals(64L << 10, ByteSize.parse("64KiB"));
        assertEquals(128L << 20, ByteSize.parse("128m"));
        assertEquals(128L << 20, ByteSize.parse("128MB"));
        assertEquals(3L << 29, ByteSize.parse("1.5GiB"));
        assertEquals(2L << 40, ByteSize.parse("2T"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("12 parsecs"));
        assertEquals("512 B", ByteSize.format(512));
        assertEquals("1.5 GiB", ByteSize.format(3L << 29));
        assertEquals("100 MiB", ByteSize.format(100L << 20));
    }
}
