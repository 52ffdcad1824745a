package io.lakeshift.target;

import java.util.Map;

/**
 * An object's HEAD.
 *
 * @param size bytes
 * @param etag its ETag
 * @param contentMd5 base64 MD5 for a single-PUT object, else null
 * @param metadata user metadata, keys without {@code opc-meta-}
 */
public record ObjectInfo(long size, String etag, String contentMd5, Map<String, String> metadata) {}
