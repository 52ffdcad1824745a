package io.lakeshift.config;

/** Which reader serves the source URI (--source-api). */
public enum SourceApi {
    /** abfs(s)://...dfs.core.windows.net goes to {@link #ADLS}, everything else to {@link #HADOOP}. */
    AUTO,
    /** Hadoop's FileSystem API: file://, hdfs://, s3a:// (hadoop-aws), abfss:// (hadoop-azure), ... */
    HADOOP,
    /** The native ADLS Gen2 reader on the Azure SDK (Blob API calls). */
    ADLS
}
