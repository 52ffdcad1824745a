package io.lakeshift.emulator.http;

import io.lakeshift.emulator.OciException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteRangeTest {
    @Test
    void resolvesTheThreeForms() {
        assertArrayEquals(new long[] {10, 19}, ByteRange.parse("bytes=10-19", 100));
        assertArrayEquals(new long[] {90, 99}, ByteRange.parse("bytes=90-", 100));
        assertArrayEquals(new long[] {95, 99}, ByteRange.parse("bytes=-5", 100));
        assertArrayEquals(new long[] {0, 99}, ByteRange.parse("bytes=-500", 100));
        assertArrayEquals(new long[] {50, 99}, ByteRange.parse("bytes=50-1000", 100));
    }

    @Test
    void ignoresWhatIsNotASingleByteRange() {
        assertNull(ByteRange.parse(null, 100));
        assertNull(ByteRange.parse("items=1-2", 100));
        assertNull(ByteRange.parse("bytes=1-2,5-6", 100));
        assertNull(ByteRange.parse("bytes=9-3", 100));
        assertNull(ByteRange.parse("bytes=a-b", 100));
    }

    @Test
    void unsatisfiableIs416() {
        assertEquals(416, assertThrows(OciException.class, () -> ByteRange.parse("bytes=100-", 100)).status());
        assertEquals(416, assertThrows(OciException.class, () -> ByteRange.parse("bytes=-0", 100)).status());
        assertEquals("InvalidRange", assertThrows(OciException.class, () -> ByteRange.parse("bytes=0-", 0)).code());
    }
}
