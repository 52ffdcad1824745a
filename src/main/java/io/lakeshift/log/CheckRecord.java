package io.lakeshift.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.Serializable;

/**
 * One line of a check's lists: one source file or target object and what the check found.
 *
 * @param result what was found
 * @param sourceName path below the source root (for an extra object: its path below the target prefix)
 * @param targetName the object's name (for a missing file: the name it would have)
 * @param sourceSize the file's listed size, or null for an extra object
 * @param targetSize the object's listed size, or null for a missing file
 * @param by how a match or difference was decided: {@code size}, {@code md5} (MD5s the stores keep, or computed
 *     by reading the side that keeps none), {@code multipart_md5} (the source read in the object's part
 *     boundaries), {@code download} (both sides read); null for missing and extra
 * @param sourceMd5 the source's MD5 as compared (kept or computed), or null
 * @param targetMd5 the object's MD5 as compared (base64, or base64-N for a multipart one), or null
 * @param note what else a reader should know (a size-only match and why, a stored MD5 that was not the content's)
 * @param error why the file could not be compared, for {@link CheckResult#ERROR}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckRecord(CheckResult result, String sourceName, String targetName, Long sourceSize,
        Long targetSize, String by, String sourceMd5, String targetMd5, String note, String error)
        implements Serializable {

    public static final String BY_SIZE = "size";
    public static final String BY_MD5 = "md5";
    public static final String BY_MULTIPART_MD5 = "multipart_md5";
    public static final String BY_DOWNLOAD = "download";
}
