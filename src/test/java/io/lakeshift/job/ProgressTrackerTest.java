package io.lakeshift.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The progress line's share and time left, by bytes, or by files where there are no bytes to send. */
class ProgressTrackerTest {
    @Test
    void bytesDecideTheShareAndTheTimeLeft() {
        assertEquals("lakeshift: 10/100 files, 1.0 GiB/4.0 GiB (25%), 102 MiB/s, ETA 0:00:30",
                ProgressTracker.line(10, 1L << 30, 100, 4L << 30, 10));
    }

    @Test
    void zeroByteFilesMoveTheLineByFiles() {
        assertEquals("lakeshift: 500,000/2,000,000 files, 0 B/0 B (25%), 0 B/s, ETA 0:03:00",
                ProgressTracker.line(500_000, 0, 2_000_000, 0, 60));
    }

    @Test
    void nothingDoneYetHasNoTimeLeft() {
        assertEquals("lakeshift: 0/3 files, 0 B/3.0 KiB (0%), 0 B/s, ETA ?", ProgressTracker.line(0, 0, 3, 3072, 5));
        assertEquals("lakeshift: 0/0 files, 0 B/0 B (100%), 0 B/s, ETA ?", ProgressTracker.line(0, 0, 0, 0, 5));
    }
}
