package org.conventionledger.events.storage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory (event store, vault, registers, read store, accounts, keys) is readable by its
 * owner only, whatever the process's umask: the directory is created {@code rwx------}, or made so, and
 * every file and directory already in it loses its group and other permissions. Files the databases
 * create later sit inside a directory nobody else can enter. On a file system without POSIX
 * permissions nothing is changed.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code directory} owner-only when missing, then restricts it and everything in it. */
    public static void restrict(Path directory) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory);
            return;
        }
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(DIRECTORY);
        Files.createDirectories(directory, ownerOnly);
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                try {
                    Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
                } catch (java.nio.file.NoSuchFileException gone) {
                    // a database's temporary file, removed while walking
                }
            }
        }
    }
}
