package io.lakeshift.emulator.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads and writes RSA keys as PEM (PKCS#8 private, X.509 SubjectPublicKeyInfo public). */
public final class Pem {
    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public static String privateKey(PrivateKey key) {
        return encode("PRIVATE KEY", key.getEncoded());
    }

    public static String publicKey(PublicKey key) {
        return encode("PUBLIC KEY", key.getEncoded());
    }

    /**
     * The public key in a PEM file holding either a public key ("PUBLIC KEY") or an unencrypted PKCS#8 RSA private
     * key ("PRIVATE KEY"), whose public half is derived.
     */
    public static PublicKey readPublicKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (text.contains("-----BEGIN PUBLIC KEY-----")) {
                return rsa.generatePublic(new X509EncodedKeySpec(der(text, "PUBLIC KEY")));
            }
            if (text.contains("-----BEGIN " + "PRIVATE KEY-----")) {
                PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(text, "PRIVATE KEY")));
                RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
                return rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            }
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException("not an RSA key: " + file, e);
        }
        throw new IOException(file + " holds neither a 'PUBLIC KEY' nor a PKCS#8 'PRIVATE KEY' PEM block");
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(text, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IOException("not a PKCS#8 RSA private key: " + file, e);
        }
    }

    private static byte[] der(String text, String type) throws IOException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException("no " + type + " PEM block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
