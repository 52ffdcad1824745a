package io.lakeshift.run;

import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.model.SourceFile;
import io.lakeshift.source.ForwardingSource;
import io.lakeshift.source.Source;
import io.lakeshift.source.SourceStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * The run's source, with the files planned from the staging folder (an Iceberg table's metadata rewritten for the
 * target) read from there. Staged files are never deleted by --mode move and carry no headers of their own.
 */
final class StagedSource extends ForwardingSource {
    private static final long serialVersionUID = 1L;
    private final Source staging;

    StagedSource(Source source, Source staging) {
        super(source);
        this.staging = staging;
    }

    private boolean staged(SourceFile file) {
        return same(file.uri()).startsWith(same(staging.root()));
    }

    /** file:///a and file:/a name the same file (Hadoop writes the one, a user the other). */
    private static String same(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + (u.getRawAuthority() == null ? "" : u.getRawAuthority()) + u.getRawPath();
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        return staged(file) ? staging.open(file) : source().open(file);
    }

    @Override
    public InputStream open(SourceFile file, long offset, long length) throws IOException {
        return staged(file) ? staging.open(file, offset, length) : source().open(file, offset, length);
    }

    @Override
    public ObjectHeaders headers(SourceFile file) throws IOException {
        return staged(file) ? ObjectHeaders.NONE : source().headers(file);
    }

    /** A source file's headers come with its GET (no HEAD); a staged rewrite carries none. */
    @Override
    public SourceStream openWithHeaders(SourceFile file) throws IOException {
        return staged(file) ? new SourceStream(staging.open(file), ObjectHeaders.NONE) : source().openWithHeaders(file);
    }

    @Override
    public void delete(SourceFile file) throws IOException {
        if (!staged(file)) { // the staged copy stands for a source file that move leaves: the table stays whole
            source().delete(file);
        }
    }
}
