package org.conventionledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data files and directories end owner-only whatever permissions they had or the umask gives. */
class OwnerOnlyFilesTest {

    @TempDir
    Path root;

    @Test
    void aNewDataDirectoryIsCreatedOwnerOnly() throws IOException {
        Path data = root.resolve("a/data");

        OwnerOnlyFiles.restrict(data);

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(OwnerOnlyFiles.DIRECTORY);
    }

    @Test
    void anExistingWorldReadableDirectoryAndItsFilesAreRestricted() throws IOException {
        Path data = Files.createDirectory(
                root.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path store = Files.writeString(data.resolve("eventstore.mv.db"), "log");
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path nested = Files.createDirectories(data.resolve("readstore"));
        Files.setPosixFilePermissions(nested, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path inner = Files.writeString(nested.resolve("chunk"), "x");
        Files.setPosixFilePermissions(inner, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnlyFiles.restrict(data);

        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(OwnerOnlyFiles.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(nested)).isEqualTo(OwnerOnlyFiles.DIRECTORY);
        assertThat(Files.getPosixFilePermissions(store)).isEqualTo(OwnerOnlyFiles.FILE);
        assertThat(Files.getPosixFilePermissions(inner)).isEqualTo(OwnerOnlyFiles.FILE);
    }
}
