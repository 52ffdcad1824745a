package io.lakeshift.fs;

import io.lakeshift.secrets.Secrets;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * One Hadoop {@link FileSystem} per JVM, store (scheme and authority) and settings. Hadoop's own cache keys only
 * by store and user, so a second run in the same JVM with another endpoint or other credentials for the same
 * bucket would silently get the first run's client; here the settings are part of the key.
 */
public final class HadoopFileSystems {
    private record Key(String scheme, String authority, Map<String, String> properties) {}

    private static final ConcurrentHashMap<Key, FileSystem> CACHE = new ConcurrentHashMap<>();

    private HadoopFileSystems() {}

    public static FileSystem get(URI uri, Map<String, String> properties) throws IOException {
        Key key = new Key(uri.getScheme(), uri.getAuthority(), Map.copyOf(properties));
        FileSystem fs = CACHE.get(key);
        if (fs != null) {
            return fs;
        }
        synchronized (CACHE) {
            fs = CACHE.get(key);
            if (fs == null) {
                Configuration conf = new Configuration();
                properties.forEach(conf::set);
                Secrets.registerSecretKeys(properties.entrySet());
                fs = FileSystem.newInstance(uri, conf);
                CACHE.put(key, fs);
            }
            return fs;
        }
    }
}
