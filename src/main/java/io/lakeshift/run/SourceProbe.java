package io.lakeshift.run;

import io.lakeshift.io.Errors;
import io.lakeshift.plan.Plan;
import io.lakeshift.plan.PlannedFile;
import io.lakeshift.source.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;

/**
 * A dry run's measurement of the source, for the plan's time estimate: the driver reads the start (at most
 * {@value #MAX_BYTES} bytes) of a few of the largest files a real run would send, and times the first byte and the
 * bytes after it. Reads only: a dry run writes nothing to the target, not even a test object, so the OCI side of
 * a copy is not measured here (the plan bounds it with --estimate-rate instead).
 */
final class SourceProbe {
    static final int MAX_BYTES = 8 << 20;
    private static final int BUFFER = 64 * 1024;

    /** What the reads measured: their count and bytes, and the summed times. */
    record Measured(int files, long bytes, long firstByteNanos, long readNanos, String problem) {
        long firstByteMillis() {
            return files == 0 ? 0 : firstByteNanos / files / 1_000_000;
        }

        /** Bytes per second of one stream after its first byte; reads too short to time count as 1 ms. */
        long bytesPerSecond() {
            return files == 0 ? 0 : (long) (bytes * 1e9 / Math.max(readNanos, 1_000_000));
        }
    }

    private SourceProbe() {}

    /** Reads up to {@code files} of the largest files to send; a read that fails ends the probe with its reason. */
    static Measured run(Source source, Plan plan, int files) {
        List<PlannedFile> largest = plan.largest().stream().filter(f -> f.source() != null && f.sourceSize() > 0)
                .sorted(Comparator.comparingLong(PlannedFile::sourceSize).reversed()).limit(files).toList();
        int read = 0;
        long bytes = 0;
        long firstByte = 0;
        long reading = 0;
        byte[] buffer = new byte[BUFFER];
        for (PlannedFile f : largest) {
            long want = Math.min(MAX_BYTES, f.sourceSize());
            long t0 = System.nanoTime();
            try (InputStream in = source.open(f.source(), 0, want)) {
                if (in.read() < 0) {
                    continue;
                }
                long t1 = System.nanoTime();
                long n = 1;
                for (int k; (k = in.read(buffer)) > 0; ) {
                    n += k;
                }
                firstByte += t1 - t0;
                reading += System.nanoTime() - t1;
                bytes += n;
                read++;
            } catch (IOException | RuntimeException e) {
                return new Measured(read, bytes, firstByte, reading, "reading " + f.source().uri() + ": "
                        + Errors.oneLine(e));
            }
        }
        return new Measured(read, bytes, firstByte, reading, null);
    }
}
