package io.lakeshift.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The settings of {@code lakeshift check}: a run's settings (source, target, filters, naming, log, sign-in, read
 * settings) read as for {@code migrate}, plus what only a check uses.
 *
 * @param run the run's settings; its mode, overwrite and dry-run are not used by a check
 * @param download read both sides of every file and compare the MD5s of their bytes ({@code --download})
 */
public record CheckConfig(MigrationConfig run, boolean download) implements Serializable {

    /** Reads and checks the settings as {@link ConfigLoader#load(List, Map, Consumer)} does, plus --download. */
    public static CheckConfig load(List<String> args, Map<String, String> env, Consumer<String> warn) {
        return of(ConfigLoader.readArgs(args, warn), OciAuthDetector.Where.of(env));
    }

    /** Loads with an empty environment and no warnings (tests). */
    public static CheckConfig load(List<String> args) {
        return of(ConfigLoader.readArgs(args), OciAuthDetector.Where.of(Map.of()));
    }

    private static CheckConfig of(ConfigLoader.Given given, OciAuthDetector.Where where) {
        MigrationConfig run = ConfigLoader.build(given, where);
        String download = given.get(Option.DOWNLOAD);
        try {
            return new CheckConfig(run, download != null && Option.DOWNLOAD.parseFlag(download));
        } catch (IllegalArgumentException e) {
            throw ConfigException.badValue(Option.DOWNLOAD, given.file(Option.DOWNLOAD), e.getMessage(),
                    Option.DOWNLOAD.whatToDo());
        }
    }
}
