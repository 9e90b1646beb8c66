package com.rapport.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The people who may sign in: those configured, and those kept in the users file. When there
 * are none at all, the first start creates a LEADER with a generated password, prints the
 * password once and keeps only its hash, so a restart keeps the same login.
 *
 * <p>The file has one user a line: {@code username:{encoder}hash:ROLE,ROLE}.
 */
final class UserDirectory {

    static final String FIRST_LEADER = "leader";

    private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);
    private static final SecureRandom random = new SecureRandom();

    private UserDirectory() {
    }

    /** The users, at most one by each {@link SignInName}. */
    static List<SecurityProperties.User> load(List<SecurityProperties.User> configured, Path file, PasswordEncoder encoder) {
        Map<String, SecurityProperties.User> users = bySignInName(read(file), "the users file " + file);
        // configuration wins over the file
        users.putAll(bySignInName(configured, "rapport.security.users"));
        if (users.isEmpty()) {
            SecurityProperties.User leader = createFirstLeader(file, encoder);
            users.put(SignInName.of(leader.username()), leader);
        }
        return new ArrayList<>(users.values());
    }

    private static Map<String, SecurityProperties.User> bySignInName(List<SecurityProperties.User> users, String source) {
        Map<String, SecurityProperties.User> byName = new LinkedHashMap<>();
        for (SecurityProperties.User user : users) {
            SecurityProperties.User before = byName.put(SignInName.of(user.username()), user);
            if (before != null) {
                throw new IllegalStateException(source + " names " + before.username() + " and " + user.username()
                        + ", which sign-in cannot tell apart: usernames are not case-sensitive");
            }
        }
        return byName;
    }

    private static SecurityProperties.User createFirstLeader(Path file, PasswordEncoder encoder) {
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        SecurityProperties.User leader = new SecurityProperties.User(FIRST_LEADER, encoder.encode(password),
                EnumSet.of(Role.LEADER));
        write(file, leader);
        log.warn("""

                Created the first user of the dashboard, shown only this once:
                    username: {}
                    password: {}
                Only its hash is kept, in {}. Add users in rapport.security.users (see the README).
                """, leader.username(), password, file.toAbsolutePath());
        return leader;
    }

    private static List<SecurityProperties.User> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(UserDirectory::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + file, e);
        }
    }

    private static SecurityProperties.User parse(String line) {
        String[] fields = line.split(":", 3);
        if (fields.length != 3) {
            throw new IllegalStateException("a line of the users file is not username:{encoder}hash:ROLES");
        }
        if (!PrincipalName.isPassable(fields[0])) {
            throw new IllegalStateException("a username in the users file " + PrincipalName.RULE);
        }
        Set<Role> roles = Arrays.stream(fields[2].split(","))
                .map(String::strip).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new SecurityProperties.User(fields[0], fields[1], roles);
    }

    private static void write(Path file, SecurityProperties.User user) {
        String line = user.username() + ":" + user.passwordHash() + ":"
                + user.roles().stream().map(Role::name).collect(Collectors.joining(",")) + "\n";
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path written = Files.createTempFile(directory, ".gateway-users", ".tmp");
            try {
                // the hash is not the password, but nobody else needs to read it
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's permissions apply
            }
            Files.writeString(written, line, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the users file " + file, e);
        }
    }
}
