package io.lakeshift.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;

/**
 * Checks a Parquet file from its first four bytes and its tail, as kept while the file streamed past: PAR1 at
 * both ends, a footer length that fits, and a footer that decodes. No second read of the source.
 */
public final class ParquetFooter {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetFooter() {}

    /** Whether a file is checked as Parquet, by its name. */
    public static boolean isParquet(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".parquet") || n.endsWith(".parq");
    }

    /**
     * @param head the file's first bytes (at least 4 unless the file is shorter)
     * @param tail the file's last bytes, up to what was kept
     * @param size the file's length
     */
    public static ParquetInfo check(byte[] head, byte[] tail, long size) {
        if (size < 12) {
            return problem("only " + size + " bytes, too short for Parquet");
        }
        if (!Arrays.equals(head, 0, 4, MAGIC, 0, 4)) {
            return problem("no PAR1 magic at the start");
        }
        if (!Arrays.equals(tail, tail.length - 4, tail.length, MAGIC, 0, 4)) {
            return problem("no PAR1 magic at the end (truncated?)");
        }
        int footer = ByteBuffer.wrap(tail, tail.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (footer <= 0 || footer > size - 12) {
            return problem("footer length " + footer + " does not fit a " + size + "-byte file (truncated?)");
        }
        if (footer + 8 > tail.length) {
            return new ParquetInfo(null, null, null, "footer of " + footer + " bytes is larger than the "
                    + tail.length + "-byte tail kept; magic checked only");
        }
        try {
            FileMetaData meta = Util.readFileMetaData(
                    new ByteArrayInputStream(tail, tail.length - 8 - footer, footer));
            int leaves = 0;
            for (SchemaElement e : meta.getSchema()) {
                if (!e.isSetNum_children() || e.getNum_children() == 0) {
                    leaves++;
                }
            }
            return new ParquetInfo(meta.getNum_rows(), leaves, null, null);
        } catch (IOException | RuntimeException e) {
            return problem("unreadable footer: " + e.getMessage());
        }
    }

    private static ParquetInfo problem(String why) {
        return new ParquetInfo(null, null, "corrupt Parquet file: " + why, null);
    }
}
