package io.lakeshift.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A read-only stand-in for the {@code oci://} file system in the test JVM: {@code oci://bucket@namespace/path}
 * is the local file {@code <mirror>/bucket@namespace/path}, where a test has downloaded a bucket's objects through
 * the OCI SDK. Oracle's oci-hdfs-connector itself needs OCI SDK 2.x and cannot share the test JVM (see
 * emulator.peer.HadoopPeer); this lets Iceberg open a copied table by the very paths its metadata names.
 */
public final class OciMirrorFileSystem extends RawLocalFileSystem {
    /** The Hadoop setting that names the mirror folder. */
    public static final String ROOT = "fs.oci.mirror.root";
    private URI uri;
    private String root;

    @Override
    public void initialize(URI name, org.apache.hadoop.conf.Configuration conf) throws java.io.IOException {
        uri = URI.create("oci://" + name.getAuthority()); // before the parent's initialize, which asks for it
        root = conf.get(ROOT);
        super.initialize(name, conf);
    }

    /**
     * The parent's constructor asks for this, before {@link #initialize} gave the file system its URI: the root,
     * unqualified (qualifying it would need the URI).
     */
    @Override
    protected Path getInitialWorkingDirectory() {
        return new Path("/");
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public String getScheme() {
        return "oci";
    }

    /** The status named by the oci:// path asked for (the parent's would name the mirror's local file). */
    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        return named(super.getFileStatus(path), makeQualified(path));
    }

    @Override
    public FileStatus[] listStatus(Path folder) throws IOException {
        FileStatus[] local = super.listStatus(folder);
        FileStatus[] named = new FileStatus[local.length];
        for (int i = 0; i < local.length; i++) {
            named[i] = named(local[i], local.length == 1 && !getFileStatus(folder).isDirectory()
                    ? makeQualified(folder) : new Path(makeQualified(folder), local[i].getPath().getName()));
        }
        return named;
    }

    private static FileStatus named(FileStatus s, Path path) {
        return new FileStatus(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(),
                s.getModificationTime(), path);
    }

    @Override
    public File pathToFile(Path path) {
        Path qualified = path.isAbsolute() ? path : new Path(getWorkingDirectory(), path);
        return new File(root + "/" + uri.getAuthority() + qualified.toUri().getPath());
    }
}
