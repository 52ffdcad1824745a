package io.lakeshift.bench;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.s3.model.ListObjectsV2Request;
import com.amazonaws.services.s3.model.ListObjectsV2Result;
import com.amazonaws.services.s3.model.S3ObjectSummary;
import io.lakeshift.testing.S3ProxyServer;

/** The benchmarks' AWS SDK v1 client on the local s3proxy (path style, its test keys), and a bucket count. */
final class BenchS3 {
    private BenchS3() {}

    static AmazonS3 client(String endpoint, int maxConnections) {
        return AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endpoint, "us-east-1"))
                .withPathStyleAccessEnabled(true)
                .withClientConfiguration(new ClientConfiguration().withMaxConnections(maxConnections))
                .withCredentials(new AWSStaticCredentialsProvider(
                        new BasicAWSCredentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .build();
    }

    /** [objects, bytes] below the prefix, as the server lists them; directory markers (names ending in /) left out. */
    static long[] count(AmazonS3 s3, String bucket, String prefix) {
        long[] r = new long[2];
        ListObjectsV2Request list = new ListObjectsV2Request().withBucketName(bucket).withPrefix(prefix);
        ListObjectsV2Result page;
        do {
            page = s3.listObjectsV2(list);
            for (S3ObjectSummary o : page.getObjectSummaries()) {
                if (!o.getKey().endsWith("/")) {
                    r[0]++;
                    r[1] += o.getSize();
                }
            }
            list.setContinuationToken(page.getNextContinuationToken());
        } while (page.isTruncated());
        return r;
    }
}
