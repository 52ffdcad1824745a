package io.lakeshift.plan;

import io.lakeshift.model.Fingerprint;

/**
 * What an earlier run recorded when it copied (or found equal) an object: the source version and the object's
 * ETag and MD5 at that moment.
 */
public record CopyRecord(String objectName, Fingerprint source, String targetEtag, String md5)
        implements java.io.Serializable {}
