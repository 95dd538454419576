package org.conventionledger.platform.storage;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

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

    private OwnerOnlyFiles() {}

    /** Creates {@code directory} owner-only when missing, then restricts it and everything in it. */
    public static void restrict(Path directory) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(directory);
            return;
        }
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(DIRECTORY);
        Files.createDirectories(directory, ownerOnly);
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                return restrict(dir, DIRECTORY);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                return attributes.isSymbolicLink() ? FileVisitResult.CONTINUE : restrict(file, FILE);
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
    }

    /** A database's temporary file may go while the directory is walked: nothing left to protect then. */
    private static FileVisitResult restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (NoSuchFileException gone) {
            // removed since it was listed
        }
        return FileVisitResult.CONTINUE;
    }
}
