package io.lakeshift.model;

import java.io.Serializable;

/**
 * An object found in the target bucket by ListObjects.
 *
 * @param name object name
 * @param size bytes
 * @param md5 base64 MD5 for a single-PUT object, "base64-N" for a multipart one, or null
 * @param etag the object's ETag (changes whenever the object is replaced)
 * @param modified last modification, epoch millis
 */
public record TargetObject(String name, long size, String md5, String etag, long modified) implements Serializable {}
