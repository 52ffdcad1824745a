package io.lakeshift.source;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** A --files-from manifest: one path below the source root per line; blank lines and '#' comments ignored. */
public final class Manifest {
    private Manifest() {}

    public static Set<String> read(String location, Map<String, String> hadoopProperties) throws IOException {
        Configuration conf = new Configuration();
        hadoopProperties.forEach(conf::set);
        Path path = new Path(location);
        Set<String> paths = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(path.getFileSystem(conf).open(path),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String p = line.strip();
                if (!p.isEmpty() && !p.startsWith("#")) {
                    paths.add(p.startsWith("/") ? p.substring(1) : p);
                }
            }
        } catch (FileNotFoundException e) {
            throw new SourceException("manifest " + location + " (--files-from) does not exist", e);
        }
        return paths;
    }
}
