package io.lakeshift.emulator.s3;

import io.lakeshift.emulator.storage.ObjectRecord;
import io.lakeshift.emulator.storage.PartRecord;
import java.util.Base64;

/**
 * The S3 API's entity tags, derived from what the store keeps: a single PUT's is the hex MD5 of its body; a
 * multipart object's is the hex MD5 of its parts' MD5s with "-" and the part count, which is OCI's
 * opc-multipart-md5 in hex (the S3 convention, which S3 tools compare part by part). The native API's ETag is a
 * separate value and stays as it is.
 */
final class S3ETags {
    private S3ETags() {
    }

    /** Quoted, as S3 sends it in the ETag header and in XML. */
    static String of(ObjectRecord o) {
        if (o.md5() != null) {
            return quote(hex(o.md5()));
        }
        String mp = o.multipartMd5();
        int dash = mp.lastIndexOf('-');
        return quote(hex(mp.substring(0, dash)) + mp.substring(dash));
    }

    static String of(PartRecord p) {
        return quote(hex(p.md5()));
    }

    static String unquote(String etag) {
        String e = etag.trim();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    /** Whether an If-Match / If-None-Match list names this entity tag (or is "*"). */
    static boolean matches(String header, String quotedEtag) {
        String bare = unquote(quotedEtag);
        for (String candidate : header.split(",")) {
            String c = unquote(candidate);
            if (c.equals("*") || c.equals(bare)) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static String hex(String base64) {
        return SigV4.hex(Base64.getDecoder().decode(base64));
    }
}
