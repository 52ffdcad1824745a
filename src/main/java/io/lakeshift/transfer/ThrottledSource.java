package io.lakeshift.transfer;

import io.lakeshift.model.SourceFile;
import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.source.Source;
import io.lakeshift.source.SourceStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * A task's source with its reads held to the task's share of the bandwidth cap: what is read is what is sent, so
 * pacing the reads paces the upload, for every kind of source and target alike.
 */
public final class ThrottledSource implements Source {
    private final Source source;
    private final TokenBucket bucket;

    public ThrottledSource(Source source, TokenBucket bucket) {
        this.source = source;
        this.bucket = bucket;
    }

    @Override
    public String root() {
        return source.root();
    }

    @Override
    public void list(Consumer<SourceFile> sink) throws IOException {
        source.list(sink);
    }

    @Override
    public boolean listsInParts() {
        return source.listsInParts();
    }

    @Override
    public void listFolder(String folder, Consumer<SourceFile> files, Consumer<String> folders) throws IOException {
        source.listFolder(folder, files, folders);
    }

    @Override
    public void listBelow(String folder, Consumer<SourceFile> sink) throws IOException {
        source.listBelow(folder, sink);
    }

    @Override
    public SourceFile lookup(String relativePath) throws IOException {
        return source.lookup(relativePath);
    }

    @Override
    public void listEmptyFolders(Consumer<SourceFile> sink) throws IOException {
        source.listEmptyFolders(sink);
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        return new ThrottledInputStream(source.open(file), bucket);
    }

    @Override
    public InputStream open(SourceFile file, long offset, long length) throws IOException {
        return new ThrottledInputStream(source.open(file, offset, length), bucket);
    }

    @Override
    public ObjectHeaders headers(SourceFile file) throws IOException {
        return source.headers(file);
    }

    @Override
    public SourceStream openWithHeaders(SourceFile file) throws IOException {
        SourceStream in = source.openWithHeaders(file);
        return new SourceStream(new ThrottledInputStream(in, bucket), in.headers());
    }

    @Override
    public void delete(SourceFile file) throws IOException {
        source.delete(file);
    }

    @Override
    public void restore(SourceFile file, int days) throws IOException {
        source.restore(file, days);
    }

    @Override
    public int listPageSize() {
        return source.listPageSize();
    }

    @Override
    public long readRequests(long size) {
        return source.readRequests(size);
    }
}
