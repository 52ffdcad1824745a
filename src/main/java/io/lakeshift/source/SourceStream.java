package io.lakeshift.source;

import io.lakeshift.model.ObjectHeaders;
import java.io.FilterInputStream;
import java.io.InputStream;

/** A file's content opened for copying, with the content headers and user metadata its store keeps for it. */
public final class SourceStream extends FilterInputStream {
    private final ObjectHeaders headers;

    public SourceStream(InputStream in, ObjectHeaders headers) {
        super(in);
        this.headers = headers;
    }

    /** The file's headers ({@link ObjectHeaders#NONE} where the store keeps none). */
    public ObjectHeaders headers() {
        return headers;
    }
}
