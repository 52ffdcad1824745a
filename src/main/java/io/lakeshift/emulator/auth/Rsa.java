package io.lakeshift.emulator.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * The emulator's RSA work in one place: the key pairs it makes (its client's API key, its token issuer's, a
 * resource principal's session key), the files only their owner may read, and RS256 / rsa-sha256 signatures
 * (SHA256withRSA), made and checked.
 */
public final class Rsa {
    private Rsa() {
    }

    /** A fresh 2048-bit RSA key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh key pair whose private key is written to {@code file} (PKCS#8 PEM, readable by its owner only). */
    static KeyPair newKeyPairIn(Path file) throws IOException {
        KeyPair pair = newKeyPair();
        writePrivate(file, Pem.privateKey(pair.getPrivate()));
        return pair;
    }

    /** Writes {@code text} to a new file that only its owner may read, in full or not at all. */
    static void writePrivate(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temp); // not a POSIX file system
        }
        Files.writeString(temp, text, StandardCharsets.US_ASCII);
        Files.move(temp, file);
    }

    /** The SHA256withRSA signature of {@code text}'s UTF-8 bytes. */
    static byte[] sign(PrivateKey key, String text) {
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is {@code key}'s SHA256withRSA signature of {@code text}'s UTF-8 bytes. */
    static boolean verifies(PublicKey key, String text, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
