package ai.kaizen.common.messaging.cleanup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Removes regular files under one directory whose last modification is older than the retention; symlinks are not followed. */
public final class TempFileCleanup implements CleanupTask {

    private final String name;
    private final Path directory;
    private final Duration defaultRetention;
    private final Clock clock;

    public TempFileCleanup(String name, Path directory, Duration defaultRetention, Clock clock) {
        this.name = name;
        this.directory = directory.toAbsolutePath().normalize();
        this.defaultRetention = defaultRetention;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration defaultRetention() {
        return defaultRetention;
    }

    @Override
    public long run(Duration olderThan) throws IOException {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(olderThan);
        AtomicLong removed = new AtomicLong();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(cutoff)
                        && file.normalize().startsWith(directory) && Files.deleteIfExists(file)) {
                    removed.incrementAndGet();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // removed meanwhile or unreadable: leave it
            }
        });
        return removed.get();
    }
}
