package org.conventionledger.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local accounts file: one account per role, a second organiser, and older files completed. */
class LocalAccountsTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileHoldsOneAccountPerRoleThenASecondOrganiser() throws Exception {
        List<LocalAccounts.Account> accounts = LocalAccounts.loadOrCreate(dir.resolve("accounts.txt"));
        assertThat(accounts)
                .extracting(LocalAccounts.Account::username)
                .containsExactly("organiser", "garant", "monitor", "voter", "platform", "operator", "organiser2");
        assertThat(accounts.get(6).role()).isEqualTo(Role.ORGANISER);
        assertThat(accounts.get(5).role()).isEqualTo(Role.OPERATOR);
        assertThat(accounts.stream()
                        .filter(a -> a.role() == Role.ORGANISER)
                        .findFirst()
                        .orElseThrow()
                        .username())
                .isEqualTo("organiser");
        assertThat(accounts).extracting(LocalAccounts.Account::password).doesNotHaveDuplicates();
        assertThat(LocalAccounts.loadOrCreate(dir.resolve("accounts.txt"))).isEqualTo(accounts);
    }

    @Test
    void anOlderFileGetsTheMissingAccountAppendedAndKeepsItsPasswords() throws Exception {
        Path file = dir.resolve("accounts.txt");
        Files.writeString(
                file,
                "ORGANISER organiser aaa\nGARANT garant bbb\nMONITOR monitor ccc\nVOTER voter ddd\n"
                        + "PLATFORM platform eee",
                StandardCharsets.UTF_8);
        List<LocalAccounts.Account> accounts = LocalAccounts.loadOrCreate(file);
        assertThat(accounts)
                .extracting(LocalAccounts.Account::username)
                .containsExactly("organiser", "garant", "monitor", "voter", "platform", "operator", "organiser2");
        assertThat(accounts.get(4).password()).isEqualTo("eee");
        assertThat(accounts.get(5).password()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(accounts.get(6).password()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(LocalAccounts.loadOrCreate(file)).isEqualTo(accounts);
    }
}
