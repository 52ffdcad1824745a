package io.lakeshift.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParquetFooterTest {
    @Test
    void headTailStreamKeepsTheFirstAndLastBytesWhateverTheReadSizes() throws IOException {
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        HeadTailStream in = new HeadTailStream(new ByteArrayInputStream(data), 1000);
        byte[] buf = new byte[777];
        Random sizes = new Random(2);
        while (in.read(buf, 0, 1 + sizes.nextInt(buf.length)) > 0) {
            if (sizes.nextInt(10) == 0) {
                in.read();
            }
        }
        assertArrayEquals(Arrays.copyOf(data, 4), in.head());
        assertArrayEquals(Arrays.copyOfRange(data, data.length - 1000, data.length), in.tail());
        assertEquals(data.length, in.bytesRead());
        HeadTailStream small = new HeadTailStream(new ByteArrayInputStream(data, 0, 10), 1000);
        small.readAllBytes();
        assertArrayEquals(Arrays.copyOf(data, 10), small.tail());
    }

    @Test
    void structuralProblemsAreNamed() {
        byte[] par1 = "PAR1".getBytes(StandardCharsets.US_ASCII);
        assertTrue(ParquetFooter.check(par1, par1, 8).problem().contains("too short"));
        byte[] tail = new byte[64];
        System.arraycopy(par1, 0, tail, 60, 4);
        assertTrue(ParquetFooter.check("XXXX".getBytes(StandardCharsets.US_ASCII), tail, 1000).problem()
                .contains("no PAR1 magic at the start"));
        assertTrue(ParquetFooter.check(par1, new byte[64], 1000).problem().contains("no PAR1 magic at the end"));
        tail[56] = (byte) 0xff;
        tail[57] = (byte) 0xff;
        tail[58] = (byte) 0xff;
        tail[59] = (byte) 0x7f;
        assertTrue(ParquetFooter.check(par1, tail, 1000).problem().contains("does not fit"));
        tail[56] = 40;
        tail[57] = 0;
        tail[58] = 0;
        tail[59] = 0;
        assertTrue(ParquetFooter.check(par1, tail, 1000).problem().contains("unreadable footer"));
        tail[56] = 100;
        assertEquals(null, ParquetFooter.check(par1, tail, 1000).problem(), "footer beyond the kept tail");
        assertTrue(ParquetFooter.check(par1, tail, 1000).note().contains("larger than the 64-byte tail"));
        assertTrue(ParquetFooter.isParquet("a/B.PARQUET"));
    }
}
