package com.rapport.suite;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Rapport as a user runs it: the packaged services and the gateway, each a process of its own
 * on a free port, on the given database.
 */
final class Suite implements AutoCloseable {

    enum Component {
        ACCOUNTS("accounts-service", "RAPPORT_ACCOUNTS_PORT", "RAPPORT_ACCOUNTS_URL"),
        OUTREACH("outreach-service", "RAPPORT_OUTREACH_PORT", "RAPPORT_OUTREACH_URL"),
        INSIGHTS("insights-service", "RAPPORT_INSIGHTS_PORT", "RAPPORT_INSIGHTS_URL"),
        GATEWAY("gateway", "RAPPORT_GATEWAY_PORT", null);

        final String module;
        final String portVariable;
        final String urlVariable;

        Component(String module, String portVariable, String urlVariable) {
            this.module = module;
            this.portVariable = portVariable;
            this.urlVariable = urlVariable;
        }

        boolean isService() {
            return this != GATEWAY;
        }
    }

    private static final Duration STARTUP = Duration.ofSeconds(240);

    /**
     * The API key every suite test sends through the gateway ({@link Api}), new for each run of
     * the tests; the gateway is given only its hash. It holds every role the tests need.
     */
    static final String API_KEY = newApiKey();
    /** The principal the gateway names for the suite's requests. */
    static final String API_KEY_NAME = "suite";
    private static final String API_KEY_ROLES = "STAFF,LEADER,INTEGRATION,OPS";
    /**
     * The person who signs in to the dashboard with the login form, a LEADER; the gateway is given
     * only a bcrypt hash of the password, new for each run as the key is.
     */
    static final String LEADER_USERNAME = "lena";
    static final String LEADER_PASSWORD = newApiKey();
    private static final String LEADER_PASSWORD_HASH = "{bcrypt}" + new BCryptPasswordEncoder().encode(LEADER_PASSWORD);
    // the tests send requests as fast as they can; the rate limit is the gateway's own tests' concern
    private static final String RATE_LIMIT_PER_SECOND = "10000";
    private static final String[] JVM_OPTIONS = {"-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};

    private final String run;
    private final Database database;
    private final Map<Component, Integer> ports = new EnumMap<>(Component.class);
    private final Map<Component, Process> processes = new EnumMap<>(Component.class);
    private final List<Process> secondInstances = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Suite(String run, Database database) {
        this.run = run;
        this.database = database;
        for (Component component : Component.values()) {
            ports.put(component, Ports.free());
        }
    }

    /** Starts every component and waits until each reports healthy; the suite owns the database from here on. */
    static Suite start(String run, Database database) {
        Suite suite = new Suite(run, database);
        try {
            suite.startAll();
            return suite;
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
    }

    URI gateway() {
        return URI.create("http://127.0.0.1:" + ports.get(Component.GATEWAY));
    }

    /** A service's own address, for what is not behind the gateway (its actuator). */
    URI service(Component component) {
        return URI.create("http://127.0.0.1:" + ports.get(component));
    }

    Database database() {
        return database;
    }

    /**
     * Starts one more instance of a service on the same database, as scaling out would, and
     * answers its address; it is stopped with the suite.
     */
    URI startSecondInstance(Component service) {
        int port = Ports.free();
        Path log = SuiteFiles.logs(run).resolve(service.module + "-2.log");
        Process process = Processes.start(log, environment(service, port), command(service));
        secondInstances.add(process);
        URI base = URI.create("http://127.0.0.1:" + port);
        awaitHealthy(service.module + " (second instance)", process, base, log);
        return base;
    }

    void stop(Component component) {
        Process process = processes.remove(component);
        if (process != null) {
            Processes.stop(process);
        }
    }

    /** Stops the three services (the gateway and the database keep running) and starts them again. */
    void restartServices() {
        for (Component component : Component.values()) {
            if (component.isService()) {
                stop(component);
            }
        }
        for (Component component : Component.values()) {
            if (component.isService()) {
                launch(component);
            }
        }
        for (Component component : Component.values()) {
            if (component.isService()) {
                awaitHealthy(component);
            }
        }
    }

    private void startAll() {
        for (Component component : Component.values()) {
            launch(component);
        }
        for (Component component : Component.values()) {
            awaitHealthy(component);
        }
    }

    private void launch(Component component) {
        processes.put(component, Processes.start(log(component),
                environment(component, ports.get(component)), command(component)));
    }

    private Map<String, String> environment(Component component, int port) {
        Map<String, String> environment = new HashMap<>(database.serviceEnvironment());
        environment.put(component.portVariable, String.valueOf(port));
        for (Component service : Component.values()) {
            if (service.isService()) {
                environment.put(service.urlVariable, "http://127.0.0.1:" + ports.get(service));
            }
        }
        if (component == Component.GATEWAY) {
            environment.put("RAPPORT_SECURITY_APIKEYS_0_NAME", API_KEY_NAME);
            environment.put("RAPPORT_SECURITY_APIKEYS_0_HASH", sha256Hex(API_KEY));
            environment.put("RAPPORT_SECURITY_APIKEYS_0_ROLES", API_KEY_ROLES);
            environment.put("RAPPORT_SECURITY_USERS_0_USERNAME", LEADER_USERNAME);
            environment.put("RAPPORT_SECURITY_USERS_0_PASSWORDHASH", LEADER_PASSWORD_HASH);
            environment.put("RAPPORT_SECURITY_USERS_0_ROLES", "LEADER");
            environment.put("RAPPORT_RATE_LIMIT_PER_SECOND", RATE_LIMIT_PER_SECOND);
            environment.put("RAPPORT_RATE_LIMIT_BURST", RATE_LIMIT_PER_SECOND);
            // the first leader's users file goes with the run's logs, not into the working directory
            environment.put("RAPPORT_HOME", SuiteFiles.logs(run).resolve("gateway-home").toString());
        }
        return environment;
    }

    private static String newApiKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] command(Component component) {
        List<String> command = new ArrayList<>();
        command.add(Processes.java());
        command.addAll(List.of(JVM_OPTIONS));
        command.add("-jar");
        command.add(SuiteFiles.jar(component.module).toString());
        return command.toArray(String[]::new);
    }

    private void awaitHealthy(Component component) {
        awaitHealthy(component.module, processes.get(component),
                URI.create("http://127.0.0.1:" + ports.get(component)), log(component));
    }

    private void awaitHealthy(String name, Process process, URI base, Path log) {
        URI health = base.resolve("/actuator/health");
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting:\n" + Processes.tail(log, 40));
            }
            if (isUp(health)) {
                return;
            }
            Processes.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not healthy within " + STARTUP + ":\n" + Processes.tail(log, 40));
    }

    private boolean isUp(URI health) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path log(Component component) {
        return SuiteFiles.logs(run).resolve(component.module + ".log");
    }

    @Override
    public void close() {
        secondInstances.forEach(Processes::stop);
        for (Component component : Component.values()) {
            stop(component);
        }
        database.close();
    }
}
