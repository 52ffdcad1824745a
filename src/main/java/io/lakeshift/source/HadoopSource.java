package io.lakeshift.source;

import io.lakeshift.model.SourceFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Any Hadoop file system: file://, hdfs://, s3a://, abfss:// through hadoop-azure. */
public final class HadoopSource implements Source {
    private static final int READ_BUFFER = 1 << 20;

    private final String root;
    private final HashMap<String, String> hadoopProperties;
    private transient Configuration conf;

    /**
     * @param root the lake's root URI
     * @param hadoopProperties Hadoop settings to apply over the defaults (e.g. Spark's {@code spark.hadoop.*})
     */
    public HadoopSource(String root, Map<String, String> hadoopProperties) {
        this.root = root;
        this.hadoopProperties = new HashMap<>(hadoopProperties);
    }

    @Override
    public String root() {
        return root;
    }

    @Override
    public void list(Consumer<SourceFile> sink) throws IOException {
        Path rootPath = new Path(root);
        FileSystem fs = fileSystem(rootPath);
        FileStatus rootStatus;
        try {
            rootStatus = fs.getFileStatus(rootPath);
        } catch (FileNotFoundException e) {
            throw new SourceException("source " + root + " does not exist; check --source");
        } catch (IOException e) {
            throw new SourceException("cannot read source " + root + ": " + e.getMessage(), e);
        }
        String rootDir = fs.makeQualified(rootPath).toUri().getPath();
        if (rootStatus.isFile()) {
            // A single file: its name is the relative path.
            sink.accept(toSourceFile(rootStatus, rootStatus.getPath().getName()));
            return;
        }
        String prefix = rootDir.endsWith("/") ? rootDir : rootDir + "/";
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(rootPath, true);
        while (files.hasNext()) {
            LocatedFileStatus status = files.next();
            if (!status.isFile()) {
                continue;
            }
            String path = status.getPath().toUri().getPath();
            if (!path.startsWith(prefix)) {
                throw new SourceException("listing of " + root + " returned " + status.getPath() + ", outside the root");
            }
            sink.accept(toSourceFile(status, path.substring(prefix.length())));
        }
    }

    @Override
    public InputStream open(SourceFile file) throws IOException {
        Path path = new Path(URI.create(file.uri()));
        try {
            return fileSystem(path).open(path, READ_BUFFER);
        } catch (FileNotFoundException e) {
            throw new SourceException("source file " + file.uri() + " has disappeared since it was listed", e);
        }
    }

    @Override
    public void delete(SourceFile file) throws IOException {
        Path path = new Path(URI.create(file.uri()));
        if (!fileSystem(path).delete(path, false) && fileSystem(path).exists(path)) {
            throw new SourceException("cannot delete source file " + file.uri());
        }
    }

    private static SourceFile toSourceFile(FileStatus status, String relative) {
        String etag = status instanceof EtagSource e ? e.getEtag() : null;
        return new SourceFile(status.getPath().toUri().toString(), relative, status.getLen(),
                status.getModificationTime(), etag == null || etag.isEmpty() ? null : etag, null);
    }

    private FileSystem fileSystem(Path path) throws IOException {
        return path.getFileSystem(configuration());
    }

    private synchronized Configuration configuration() {
        if (conf == null) {
            Configuration c = new Configuration();
            hadoopProperties.forEach(c::set);
            conf = c;
        }
        return conf;
    }
}
