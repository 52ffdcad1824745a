package io.lakeshift.plan;

import io.lakeshift.config.FilterSettings;
import java.time.Instant;
import io.lakeshift.model.ByteSize;
import io.lakeshift.model.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The user's filters; each answer says which filter left a file out. */
public final class Filters implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final List<Glob> include;
    private final List<Glob> exclude;
    private final FilterSettings settings;
    private final Set<String> manifest;

    /**
     * @param manifest paths of --files-from, or null when it is not given
     */
    public Filters(FilterSettings settings, Set<String> manifest) {
        this.settings = settings;
        this.include = settings.include().stream().map(Glob::new).toList();
        this.exclude = settings.exclude().stream().map(Glob::new).toList();
        this.manifest = manifest;
    }

    /** Why the filters leave this file out, or empty if they keep it. */
    public Optional<String> excludes(SourceFile f) {
        Optional<String> byName = excludesName(f.relativePath());
        if (byName.isPresent()) {
            return byName;
        }
        if (settings.minSize() != null && f.size() < settings.minSize()) {
            return Optional.of("smaller than --min-size " + ByteSize.format(settings.minSize()));
        }
        if (settings.maxSize() != null && f.size() > settings.maxSize()) {
            return Optional.of("larger than --max-size " + ByteSize.format(settings.maxSize()));
        }
        if (settings.modifiedAfter() != null && f.modified() < settings.modifiedAfter()) {
            return Optional.of("modified before --modified-after " + Instant.ofEpochMilli(settings.modifiedAfter()));
        }
        if (settings.modifiedBefore() != null && f.modified() >= settings.modifiedBefore()) {
            return Optional.of("modified at or after --modified-before " + Instant.ofEpochMilli(settings.modifiedBefore()));
        }
        return Optional.empty();
    }

    /** The name filters alone: they also protect target objects from sync's deletes. */
    public Optional<String> excludesName(String relativePath) {
        if (manifest != null && !manifest.contains(relativePath)) {
            return Optional.of("not in --files-from");
        }
        if (!include.isEmpty() && include.stream().noneMatch(g -> g.matches(relativePath))) {
            return Optional.of("matches no --include");
        }
        for (Glob g : exclude) {
            if (g.matches(relativePath)) {
                return Optional.of("matches --exclude " + g);
            }
        }
        return Optional.empty();
    }
}
