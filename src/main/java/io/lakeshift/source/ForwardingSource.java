package io.lakeshift.source;

import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.model.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * A source that hands every call to another one: the base of the decorators (paced reads, an inventory's listing,
 * staged rewrites), which override only what they change. A {@link Source} method added later is passed on here
 * once, rather than falling back to the interface's default in a decorator that forgot it ({@code
 * ForwardingSourceTest} checks every method).
 */
public abstract class ForwardingSource implements Source {
    private static final long serialVersionUID = 1L;
    private final Source source;

    protected ForwardingSource(Source source) {
        this.source = source;
    }

    /** The source calls are handed to. */
    protected final Source source() {
        return source;
    }

    @Override
    public String root() {
        return source.root();
    }

    @Override
    public void prepare() {
        source.prepare();
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
    public void listFolder(String folder, Consumer<SourceFile> files, Consumer<String> folders,
            Consumer<KeyRange> ranges) throws IOException {
        source.listFolder(folder, files, folders, ranges);
    }

    @Override
    public void listRange(KeyRange range, Consumer<SourceFile> sink) throws IOException {
        source.listRange(range, sink);
    }

    @Override
    public void listRange(KeyRange range, Consumer<SourceFile> sink, Consumer<KeyRange> rest) throws IOException {
        source.listRange(range, sink, rest);
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
    public void listEmptyFolders(String folder, Consumer<SourceFile> sink) throws IOException {
        source.listEmptyFolders(folder, sink);
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        return source.open(file);
    }

    @Override
    public InputStream open(SourceFile file, long offset, long length) throws IOException {
        return source.open(file, offset, length);
    }

    @Override
    public ObjectHeaders headers(SourceFile file) throws IOException {
        return source.headers(file);
    }

    @Override
    public SourceStream openWithHeaders(SourceFile file) throws IOException {
        return source.openWithHeaders(file);
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

    @Override
    public String toString() {
        return source.toString();
    }
}
