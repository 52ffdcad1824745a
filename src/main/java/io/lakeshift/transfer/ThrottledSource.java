package io.lakeshift.transfer;

import io.lakeshift.model.SourceFile;
import io.lakeshift.source.ForwardingSource;
import io.lakeshift.source.Source;
import io.lakeshift.source.SourceStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A task's source with its reads held to the task's share of the bandwidth cap: what is read is what is sent, so
 * pacing the reads paces the upload, for every kind of source and target alike. Everything else is passed on.
 */
public final class ThrottledSource extends ForwardingSource {
    private static final long serialVersionUID = 1L;
    private final TokenBucket bucket; // built where the task runs, never shipped

    public ThrottledSource(Source source, TokenBucket bucket) {
        super(source);
        this.bucket = bucket;
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        return new ThrottledInputStream(source().open(file), bucket);
    }

    @Override
    public InputStream open(SourceFile file, long offset, long length) throws IOException {
        return new ThrottledInputStream(source().open(file, offset, length), bucket);
    }

    @Override
    public SourceStream openWithHeaders(SourceFile file) throws IOException {
        SourceStream in = source().openWithHeaders(file);
        return new SourceStream(new ThrottledInputStream(in, bucket), in.headers());
    }
}
