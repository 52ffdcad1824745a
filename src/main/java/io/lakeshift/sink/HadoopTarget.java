package io.lakeshift.sink;

import io.lakeshift.config.TransferSettings;
import io.lakeshift.fs.HadoopFileSystems;
import io.lakeshift.model.HadoopLocation;
import io.lakeshift.model.TargetObject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A folder of a Hadoop file system. Its settings are the run's Hadoop properties (with --s3-* applied for
 * s3a://), so source and target of one store share one client.
 */
public record HadoopTarget(HadoopLocation location, HashMap<String, String> properties) implements Target {
    public HadoopTarget(HadoopLocation location, Map<String, String> properties) {
        this(location, new HashMap<>(properties));
    }

    /** The location only: the settings may hold keys. */
    @Override
    public String toString() {
        return location.toString();
    }

    public FileSystem fileSystem() throws IOException {
        return HadoopFileSystems.get(URI.create(location.root()), properties);
    }

    /** Files only; directories (and S3A's directory markers) are not objects. */
    @Override
    public Map<String, TargetObject> objects() throws IOException {
        Map<String, TargetObject> objects = new HashMap<>();
        FileSystem fs = fileSystem();
        Path root = fs.makeQualified(new Path(location.root()));
        String base = root.toUri().getPath();
        base = base.endsWith("/") ? base : base + "/";
        try {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                LocatedFileStatus s = it.next();
                String path = s.getPath().toUri().getPath();
                if (s.isFile() && path.startsWith(base)) {
                    String name = path.substring(base.length());
                    objects.put(name, HadoopSink.object(name, s));
                }
            }
        } catch (FileNotFoundException empty) {
            // A folder not made yet holds nothing.
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot list target " + location + ": " + OciErrors.describe(e), e);
        }
        return objects;
    }

    /** Unfinished writes of a Hadoop file system are the file system's own business; none are tracked. */
    @Override
    public int abortLeftovers(long before) {
        return 0;
    }

    @Override
    public ObjectSink openSink(TransferSettings settings, Retry retry) throws IOException {
        return new HadoopSink(fileSystem(), location);
    }
}
