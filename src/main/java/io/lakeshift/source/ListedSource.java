package io.lakeshift.source;

import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.model.SourceFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * A source whose files come from elsewhere than its listing: an inventory report ({@code --inventory}), or the
 * paths of {@code --files-from} looked up one by one. Reads, headers, deletes and restores go to the source itself;
 * {@link #list} goes to the {@link Listing} (built on the driver, with Spark, and not shipped: executors only read).
 * A file whose entry is older than the source fails by itself, with a note that says so
 * ({@code staleNote}), never as copied: gone, changed (the store's ETag check), or of another size than listed.
 */
public final class ListedSource extends ForwardingSource {
    private static final long serialVersionUID = 1L;
    /** Where the files come from: each handed to the sink as it is read, never held whole. */
    @FunctionalInterface
    public interface Listing {
        void list(Consumer<SourceFile> sink) throws IOException;
    }

    private final transient Listing listing;
    private final String staleNote;

    /**
     * @param source the source the files are read from
     * @param listing the files, in place of the source's listing
     * @param staleNote why a file may be gone or changed, added to its failure ("the inventory is older than the
     *     source")
     */
    public ListedSource(Source source, Listing listing, String staleNote) {
        super(source);
        this.listing = listing;
        this.staleNote = staleNote;
    }

    @Override
    public void list(Consumer<SourceFile> sink) throws IOException {
        if (listing == null) {
            throw new IllegalStateException("the listing of " + root() + " runs on the driver only");
        }
        listing.list(sink);
    }

    /** The files are the listing's, read as one: the source's own folders are never walked. */
    @Override
    public boolean listsInParts() {
        return false;
    }

    /** Folders are not in an inventory, and finding the empty ones would list the source: none. */
    @Override
    public void listEmptyFolders(Consumer<SourceFile> sink) {
    }

    @Override
    public void listEmptyFolders(String folder, Consumer<SourceFile> sink) {
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        return new SizeCheck(stale(() -> source().open(file), file), file, file.size());
    }

    @Override
    public InputStream open(SourceFile file, long offset, long length) throws IOException {
        long expected = Math.max(0, Math.min(length, file.size() - offset));
        return new SizeCheck(stale(() -> source().open(file, offset, length), file), file, expected);
    }

    /** The source's own open with headers (one GET on S3, no HEAD), checked like {@link #open(SourceFile)}. */
    @Override
    public SourceStream openWithHeaders(SourceFile file) throws IOException {
        SourceStream in = stale(() -> source().openWithHeaders(file), file);
        return new SourceStream(new SizeCheck(in, file, file.size()), in.headers());
    }

    @Override
    public ObjectHeaders headers(SourceFile file) throws IOException {
        return stale(() -> source().headers(file), file);
    }

    @Override
    public int listPageSize() {
        return 0; // no LIST request is made
    }

    private interface Call<T> {
        T call() throws IOException;
    }

    private <T> T stale(Call<T> call, SourceFile file) throws IOException {
        try {
            return call.call();
        } catch (SourceChangedException e) {
            throw noted(e);
        }
    }

    private SourceChangedException noted(SourceChangedException e) {
        return e.getMessage() != null && e.getMessage().contains(staleNote) ? e
                : new SourceChangedException(e.getMessage() + " (" + staleNote + ")", e);
    }

    /**
     * Fails the read of a file whose length is not the listed one, naming why: the entry is older than the file.
     * (The copy checks the length too; this says where the wrong length came from.)
     */
    private final class SizeCheck extends FilterInputStream {
        private final SourceFile file;
        private final long expected;
        private long read;

        SizeCheck(InputStream in, SourceFile file, long expected) {
            super(in);
            this.file = file;
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (SourceChangedException e) {
                throw noted(e); // a store that opens lazily (S3A) finds the change at the first read
            }
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(buf, off, len);
            } catch (SourceChangedException e) {
                throw noted(e);
            }
            count(n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            read += skipped;
            return skipped;
        }

        private void count(int n) throws SourceChangedException {
            if (n < 0) {
                if (read < expected) {
                    throw changed("ends after " + read + " of the " + file.size() + " bytes listed");
                }
                return;
            }
            read += n;
            if (read > expected) {
                throw changed("holds more than the " + file.size() + " bytes listed");
            }
        }

        private SourceChangedException changed(String what) {
            return new SourceChangedException("source file " + file.uri() + " " + what + " (" + staleNote + ")", null);
        }
    }
}
