package io.lakeshift.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Md5Test {
    @Test
    void multipartMd5IsTheMd5OfThePartMd5sWithTheCount() {
        byte[] a = "hello ".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "world".getBytes(StandardCharsets.US_ASCII);
        byte[] da = Md5.of(a, 0, a.length);
        byte[] db = Md5.of(b, 0, b.length);
        byte[] both = new byte[32];
        System.arraycopy(da, 0, both, 0, 16);
        System.arraycopy(db, 0, both, 16, 16);
        assertEquals(Md5.base64(Md5.of(both, 0, 32)) + "-2", Md5.multipart(List.of(da, db)));
        assertEquals("1B2M2Y8AsgTpgAmY7PhCfg==", Md5.base64(Md5.of(new byte[0], 0, 0)));
    }
}
