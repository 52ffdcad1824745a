package io.lakeshift.transfer;

import io.lakeshift.config.ObjectSettings;
import io.lakeshift.config.StorageTier;
import io.lakeshift.model.Fingerprint;
import io.lakeshift.model.ObjectHeaders;
import io.lakeshift.model.SourceFile;
import io.lakeshift.plan.Glob;
import io.lakeshift.target.ObjectProperties;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides what each object is made with besides its bytes (docs/objects.md): its tier (the first of the Archive,
 * InfrequentAccess and Standard globs that matches its path below the source, else {@code --storage-tier}), its
 * Content-Type, the source's content headers and its user metadata named as OCI takes it, with lakeshift's own
 * fingerprint.
 */
public final class TargetProperties implements Serializable {
    static final String PARQUET = "application/vnd.apache.parquet";
    static final String OCTET_STREAM = "application/octet-stream";
    /** Media types by extension for --content-type auto: the lake's formats and the common plain ones. */
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("parquet", PARQUET), Map.entry("json", "application/json"),
            Map.entry("jsonl", "application/x-ndjson"), Map.entry("ndjson", "application/x-ndjson"),
            Map.entry("csv", "text/csv"), Map.entry("tsv", "text/tab-separated-values"),
            Map.entry("txt", "text/plain"), Map.entry("log", "text/plain"), Map.entry("md", "text/markdown"),
            Map.entry("xml", "application/xml"), Map.entry("html", "text/html"), Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"), Map.entry("gz", "application/gzip"),
            Map.entry("zip", "application/zip"),
            Map.entry("zst", "application/zstd"), Map.entry("pdf", "application/pdf"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"));
    /** What stores answer for a file nobody typed: not worth carrying over a type from the extension. */
    private static final List<String> UNTYPED = List.of(OCTET_STREAM, "binary/octet-stream");

    private final ObjectSettings settings;
    private final List<Glob> archive;
    private final List<Glob> infrequentAccess;
    private final List<Glob> standard;

    private TargetProperties(ObjectSettings settings) {
        this.settings = settings;
        this.archive = settings.archiveGlobs().stream().map(Glob::new).toList();
        this.infrequentAccess = settings.infrequentAccessGlobs().stream().map(Glob::new).toList();
        this.standard = settings.standardGlobs().stream().map(Glob::new).toList();
    }

    public static TargetProperties of(ObjectSettings settings) {
        return new TargetProperties(settings);
    }

    /** Whether the source's headers are needed (they may cost a request per file). */
    public boolean readsSourceHeaders() {
        return !settings.dropMetadata() || settings.sourceContentType();
    }

    /** The tier of the object for a file at {@code relativePath}. */
    public StorageTier tierOf(String relativePath) {
        if (archive.stream().anyMatch(g -> g.matches(relativePath))) {
            return StorageTier.ARCHIVE;
        }
        if (infrequentAccess.stream().anyMatch(g -> g.matches(relativePath))) {
            return StorageTier.INFREQUENTACCESS;
        }
        if (standard.stream().anyMatch(g -> g.matches(relativePath))) {
            return StorageTier.STANDARD;
        }
        return settings.tier();
    }

    /** The object's properties for a file, given what its store says of it ({@link ObjectHeaders#NONE}: nothing). */
    public ObjectProperties of(SourceFile file, ObjectHeaders source) {
        ObjectHeaders carried = settings.dropMetadata() ? ObjectHeaders.NONE : source;
        Map<String, String> metadata = new TreeMap<>(metadataNames(carried.userMetadata()));
        metadata.putAll(Fingerprint.metadata(file)); // lakeshift's own keys win over a source's of the same name
        return new ObjectProperties(metadata, carried.withContentType(contentType(file.relativePath(), source)),
                tierOf(file.relativePath()).ociName());
    }

    String contentType(String relativePath, ObjectHeaders source) {
        if (settings.sourceContentType()) {
            String t = source.contentType();
            return t != null && !UNTYPED.contains(t.toLowerCase(Locale.ROOT).trim()) ? t : byExtension(relativePath);
        }
        return settings.autoContentType() ? byExtension(relativePath) : settings.contentType();
    }

    static String byExtension(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? OCTET_STREAM
                : BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), OCTET_STREAM);
    }

    /**
     * User metadata as OCI's {@code opc-meta-*} headers can hold it: a key lower-cased (header names are not case
     * sensitive; OCI answers them lower-cased), each character outside HTTP's token characters (RFC 9110 5.6.2)
     * as '-'; a value's characters outside printable ASCII as %XX of their UTF-8 bytes (a header value is ASCII).
     * Keys that end up equal keep the first in order; an empty key is dropped.
     */
    static Map<String, String> metadataNames(Map<String, String> source) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(source).entrySet()) {
            String key = tokenOf(e.getKey().toLowerCase(Locale.ROOT));
            if (!key.isEmpty() && e.getValue() != null) {
                out.putIfAbsent(key, asciiOf(e.getValue()));
            }
        }
        return out;
    }

    private static String tokenOf(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            boolean token = c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0);
            sb.append(token ? c : '-');
        }
        return sb.toString();
    }

    private static String asciiOf(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f || c == '\t') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }
}
