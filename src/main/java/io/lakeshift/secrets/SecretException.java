package io.lakeshift.secrets;

import java.io.IOException;

/** A secret could not be read (an unset variable, a Vault that refused); the message names it and its setting. */
public class SecretException extends IOException {
    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
