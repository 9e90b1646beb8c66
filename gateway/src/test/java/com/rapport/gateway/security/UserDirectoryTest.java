package com.rapport.gateway.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class UserDirectoryTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @TempDir
    Path home;

    @Test
    void createsTheFirstLeaderWithAGeneratedPasswordPrintedOnce(CapturedOutput output) throws IOException {
        Path file = home.resolve("state/gateway-users");

        List<SecurityProperties.User> users = UserDirectory.load(List.of(), file, encoder);

        assertThat(users).singleElement().satisfies(leader -> {
            assertThat(leader.username()).isEqualTo("leader");
            assertThat(leader.roles()).containsExactly(Role.LEADER);
            assertThat(encoder.matches(printedPassword(output), leader.passwordHash())).isTrue();
        });
        assertThat(Files.readString(file)).startsWith("leader:{bcrypt}").doesNotContain(printedPassword(output));
    }

    @Test
    void keepsTheFirstLeaderAcrossRestartsAndPrintsNothingMore(CapturedOutput output) {
        Path file = home.resolve("gateway-users");
        SecurityProperties.User first = UserDirectory.load(List.of(), file, encoder).get(0);
        int printed = output.getOut().length();

        List<SecurityProperties.User> again = UserDirectory.load(List.of(), file, encoder);

        assertThat(again).containsExactly(first);
        assertThat(output.getOut().substring(printed)).doesNotContain("password");
    }

    @Test
    void createsNoLeaderWhenUsersAreConfigured() {
        Path file = home.resolve("gateway-users");
        SecurityProperties.User lena = new SecurityProperties.User("lena", encoder.encode("pw"), Set.of(Role.STAFF));

        assertThat(UserDirectory.load(List.of(lena), file, encoder)).containsExactly(lena);
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesTwoUsersWhoseNamesDifferOnlyInCase() {
        List<SecurityProperties.User> twins = List.of(
                new SecurityProperties.User("lena", encoder.encode("pw"), Set.of(Role.STAFF)),
                new SecurityProperties.User("Lena", encoder.encode("pw"), Set.of(Role.LEADER)));

        assertThatThrownBy(() -> UserDirectory.load(twins, home.resolve("gateway-users"), encoder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names lena and Lena");
    }

    @Test
    void letsAConfiguredUserTakeThePlaceOfTheFirstLeaderWhateverTheCase() {
        Path file = home.resolve("gateway-users");
        UserDirectory.load(List.of(), file, encoder);
        SecurityProperties.User leader = new SecurityProperties.User("Leader", encoder.encode("pw"), Set.of(Role.LEADER));

        assertThat(UserDirectory.load(List.of(leader), file, encoder)).containsExactly(leader);
    }

    @Test
    void refusesAUsersFileWithANameThatCannotBePassedOn() throws IOException {
        Path file = home.resolve("gateway-users");
        Files.writeString(file, "l\u00e9na:" + encoder.encode("pw") + ":LEADER\n");

        assertThatThrownBy(() -> UserDirectory.load(List.of(), file, encoder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("visible ASCII");
    }

    @Test
    void generatesADifferentPasswordForEachInstallation(CapturedOutput output) {
        UserDirectory.load(List.of(), home.resolve("one"), encoder);
        UserDirectory.load(List.of(), home.resolve("two"), encoder);

        Matcher passwords = Pattern.compile("password: (\\S+)").matcher(output.getOut());
        assertThat(passwords.find()).isTrue();
        String first = passwords.group(1);
        assertThat(passwords.find()).isTrue();
        assertThat(passwords.group(1)).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(20);
    }

    private static String printedPassword(CapturedOutput output) {
        Matcher password = Pattern.compile("password: (\\S+)").matcher(output.getOut());
        assertThat(password.find()).isTrue();
        return password.group(1);
    }
}
