package io.lakeshift.bench;

import io.lakeshift.emulator.storage.ContentHeaders;
import io.lakeshift.emulator.storage.ObjectRecord;
import io.lakeshift.emulator.storage.ObjectWrite;
import io.lakeshift.emulator.storage.Precondition;
import io.lakeshift.emulator.storage.StagedBody;
import io.lakeshift.emulator.storage.Storage;
import io.lakeshift.log.LogFormat;
import io.lakeshift.log.MigrationRecord;
import io.lakeshift.log.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a first run that copied every row of a {@code --sizes zero} inventory ({@link InventoryGenerator}) leaves:
 * the objects in an emulator bucket and that run's log (its part files, {@value #PER_PART} records each, as a copy
 * run of small files writes them), so that the next run is an incremental one whose files are all {@code equal}.
 * Written straight into the emulator's store: millions of objects through signed PUTs would take hours here, and
 * the benchmark measures the run after, not this one. Every object shares one empty body (nothing is deleted).
 */
final class SeededRun {
    /** Records per part file: a copy run packs small files 4,096 to a partition (1 GiB / 256 KiB per file). */
    static final int PER_PART = 4096;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private SeededRun() {}

    /**
     * Puts rows 0..n-1 as objects {@code objectPrefix + relative} into {@code bucket} and writes run {@code runId}'s
     * records of copying them below {@code logRoot}.
     */
    static void seed(Storage storage, String bucket, String objectPrefix, long n, Path logRoot, String runId)
            throws IOException {
        Path run = Files.createDirectories(logRoot.resolve(LogFormat.runFolder(runId)));
        StagedBody empty = storage.stage(new ByteArrayInputStream(new byte[0]), 0, false);
        String now = DATE.format(Instant.now());
        List<MigrationRecord> part = new ArrayList<>(PER_PART);
        int parts = 0;
        for (long id = 0; id < n; id++) {
            String name = InventoryGenerator.relative(id);
            ObjectRecord o = storage.putObject(bucket, new ObjectWrite(objectPrefix + name, null, ContentHeaders.NONE,
                    Map.of()), empty, Precondition.NONE);
            part.add(new MigrationRecord(name, 0L, o.name(), 0L, now, now, "0:00:00", now, runId, Status.NEW,
                    o.md5(), InventoryGenerator.etag(id), DATE.format(Instant.ofEpochMilli(
                    InventoryGenerator.modified(id))), o.etag(), 1, 1, 0, 0, null, null, null, null, null, null,
                    null, null, null, null, null, null));
            if (part.size() == PER_PART || id == n - 1) {
                Files.write(run.resolve(LogFormat.partFile(parts++)), LogFormat.jsonLines(part));
                part.clear();
            }
        }
    }
}
