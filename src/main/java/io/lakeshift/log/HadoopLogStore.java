package io.lakeshift.log;

import io.lakeshift.fs.HadoopExceptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.Path;

/** Log files on any Hadoop file system (file:// for local runs). */
public final class HadoopLogStore implements LogStore {
    private final Path root;
    private final Configuration conf;

    public HadoopLogStore(String root, Map<String, String> hadoopProperties) {
        this.root = new Path(root);
        this.conf = new Configuration();
        hadoopProperties.forEach(conf::set);
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
        Path path = new Path(root, name);
        try (OutputStream out = fileSystem(path).create(path, true)) {
            out.write(content);
        } catch (IOException e) {
            throw new IOException("cannot write log " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] read(String name) throws IOException {
        Path path = new Path(root, name);
        try (InputStream in = fileSystem(path).open(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw HadoopExceptions.translate("cannot read log " + path, e);
        }
    }

    @Override
    public List<Entry> list(String prefix) throws IOException {
        List<Entry> entries = new ArrayList<>();
        FileSystem fs = fileSystem(root);
        if (!fs.exists(root)) {
            return entries;
        }
        String rootPath = fs.makeQualified(root).toUri().getPath();
        String base = rootPath.endsWith("/") ? rootPath : rootPath + "/";
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus s = it.next();
            String name = s.getPath().toUri().getPath().substring(base.length());
            if (name.startsWith(prefix)) {
                entries.add(new Entry(name, s.getModificationTime()));
            }
        }
        return entries;
    }

    @Override
    public void delete(String name) throws IOException {
        Path path = new Path(root, name);
        fileSystem(path).delete(path, false);
    }

    /** Without the .crc side files of Hadoop's local file system: the log is for people and ADW to read. */
    private FileSystem fileSystem(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
    }
}
