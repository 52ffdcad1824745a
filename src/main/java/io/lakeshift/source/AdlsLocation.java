package io.lakeshift.source;

import io.lakeshift.config.ConfigException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An ADLS Gen2 location, {@code abfss://container@account.dfs.core.windows.net/path} (or {@code abfs://}).
 *
 * @param container the container (file system)
 * @param account the storage account
 * @param host the host as given, e.g. {@code account.dfs.core.windows.net}
 * @param path the path below the container, no leading or trailing '/', "" for the whole container
 */
public record AdlsLocation(String scheme, String container, String account, String host, String path)
        implements Serializable {

    /** Whether auto-selection sends this URI to the native ADLS source. */
    public static boolean isAdls(String uri) {
        try {
            URI u = new URI(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("abfss") || scheme.equals("abfs")) && u.getHost() != null
                    && u.getHost().toLowerCase(Locale.ROOT).endsWith(".dfs.core.windows.net");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public static AdlsLocation parse(String uri) {
        String hint = "; an ADLS Gen2 source is abfss://<container>@<account>.dfs.core.windows.net/<path> (--source)";
        int schemeEnd = uri.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : uri.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("abfss") && !scheme.equals("abfs")) {
            throw new ConfigException("source " + uri + " is not an abfss:// URI" + hint);
        }
        String rest = uri.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int at = authority.indexOf('@');
        if (at <= 0 || at == authority.length() - 1) {
            throw new ConfigException("source " + uri + " names no container" + hint);
        }
        String host = authority.substring(at + 1);
        int dot = host.indexOf('.');
        String account = dot < 0 ? host : host.substring(0, dot);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return new AdlsLocation(scheme, authority.substring(0, at), account, host, path);
    }

    /** The blob name prefix below which the files are, "" or ending in '/'. */
    public String prefix() {
        return path.isEmpty() ? "" : path + "/";
    }

    /** The URI of a blob of this container. */
    public String uri(String blobName) {
        return scheme + "://" + container + "@" + host + "/" + blobName;
    }

    /** The blob name of a URI made by {@link #uri}. */
    public String blobName(String uri) {
        String base = uri("");
        if (!uri.startsWith(base)) {
            throw new IllegalArgumentException(uri + " is not in " + base);
        }
        return uri.substring(base.length());
    }

    /** The default Blob endpoint of the account. */
    public String blobEndpoint() {
        return "https://" + account + ".blob.core.windows.net";
    }
}
