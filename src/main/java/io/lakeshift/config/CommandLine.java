package io.lakeshift.config;

import java.util.List;

/**
 * The words of a command line, read as options: {@code --name value} or {@code --name=value}, one option at a
 * time. What each name means, and whether it takes a value, is the caller's ({@link ConfigLoader} for the
 * migration settings, the demo for its own); the errors are in the form of {@link ConfigException}.
 */
public final class CommandLine {
    private final List<String> args;
    private final String howToGiveOptions;
    private int next;
    private String inline;

    /** @param howToGiveOptions what to tell someone who gave a word that is not an option */
    public CommandLine(List<String> args, String howToGiveOptions) {
        this.args = args;
        this.howToGiveOptions = howToGiveOptions;
    }

    public boolean hasNext() {
        return next < args.size();
    }

    /**
     * The name of the next option, without its dashes; its value when written {@code --name=value} is
     * {@link #inlineValue()}.
     *
     * @throws ConfigException for a word that is not an option
     */
    public String nextName() {
        String arg = args.get(next++);
        if (!arg.startsWith("--")) {
            throw new ConfigException("unexpected argument '" + arg + "'; " + howToGiveOptions);
        }
        String name = arg.substring(2);
        inline = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
            inline = name.substring(eq + 1);
            name = name.substring(0, eq);
        }
        return name;
    }

    /** The value written after '=' in the option just read, or null. */
    public String inlineValue() {
        return inline;
    }

    /** The word after the option just read, without taking it; null at the end. */
    public String peek() {
        return hasNext() ? args.get(next) : null;
    }

    /** Takes the word {@link #peek()} showed. */
    public void skip() {
        next++;
    }

    /**
     * The value of the option just read: after its '=', else the next word.
     *
     * @throws ConfigException when there is none
     */
    public String value(String key, String usage) {
        if (inline != null) {
            return inline;
        }
        if (!hasNext()) {
            throw ConfigException.bad(key, null, "needs a value", "give " + usage);
        }
        return args.get(next++);
    }
}
