package io.lakeshift.config;

import java.nio.file.Path;

/**
 * A setting is missing or wrong. The message is one line, always in the same form: the option, where it was set
 * when that was a {@code --conf} file, what is wrong, and what to do:
 * {@code --part-size (key 'part-size' in run.properties): '100KiB' is out of range; give a size ... from 1MiB ...}.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code <where>: <what is wrong>; <what to do>}, where {@code where} is {@link #where}. */
    public static ConfigException badValue(Option option, Path file, String wrong, String todo) {
        return new ConfigException(where(option.key(), file) + ": " + wrong + "; " + todo);
    }

    /** The same form for a name that may not be an option (a mistyped one). */
    public static ConfigException bad(String key, Path file, String wrong, String todo) {
        return new ConfigException(where(key, file) + ": " + wrong + "; " + todo);
    }

    /** {@code --key} when it was given on the command line, {@code --key (key 'key' in FILE)} from a file. */
    public static String where(String key, Path file) {
        return file == null ? "--" + key : "--" + key + " (key '" + key + "' in " + file + ")";
    }
}
