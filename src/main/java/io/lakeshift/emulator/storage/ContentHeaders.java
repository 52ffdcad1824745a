package io.lakeshift.emulator.storage;

/** The standard HTTP headers an object keeps and returns on GET/HEAD. Any of them may be null. */
public record ContentHeaders(String contentType, String contentEncoding, String contentLanguage,
                             String contentDisposition, String cacheControl) {
    public static final ContentHeaders NONE = new ContentHeaders(null, null, null, null, null);
}
