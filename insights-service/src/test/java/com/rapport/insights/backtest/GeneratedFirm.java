package com.rapport.insights.backtest;

import com.rapport.events.AccountEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A firm's multi-year relationship history, generated from {@link FirmParameters} with known archetypes:
 * the benchmark history that backtests and calibration are measured on. Deterministic: the same parameters
 * give the same events with the same ids. {@code ./rapport history} writes one as an import file (see
 * {@link #main}); docs/generated-history.md describes it.
 *
 * @param accounts in the order they were generated
 */
public record GeneratedFirm(FirmParameters parameters, List<GeneratedAccount> accounts) {

    public GeneratedFirm {
        accounts = List.copyOf(accounts);
    }

    public static GeneratedFirm generate(FirmParameters parameters) {
        SplittableRandom firm = new SplittableRandom(parameters.seed());
        List<Archetype> archetypes = archetypes(parameters, new Random(firm.nextLong()));
        List<GeneratedAccount> accounts = new ArrayList<>();
        for (int index = 0; index < archetypes.size(); index++) {
            accounts.add(AccountStory.tell(parameters, index, archetypes.get(index), firm.split()));
        }
        return new GeneratedFirm(parameters, accounts);
    }

    /** Every account's events, one list an account, as the loss analysis reads them. */
    public Stream<List<AccountEvent>> histories() {
        return accounts.stream().map(GeneratedAccount::events);
    }

    public List<GeneratedAccount> of(Archetype archetype) {
        return accounts.stream().filter(account -> account.truth().archetype() == archetype).toList();
    }

    /**
     * Each archetype's share of the accounts, rounded so that the counts add up to the number of accounts
     * (the largest remainders get the odd ones), in an order drawn from the seed.
     */
    private static List<Archetype> archetypes(FirmParameters parameters, Random random) {
        Map<Archetype, Integer> counts = new EnumMap<>(Archetype.class);
        List<Archetype> byRemainder = new ArrayList<>();
        int assigned = 0;
        for (Archetype archetype : Archetype.values()) {
            double exact = parameters.accounts() * parameters.shares().getOrDefault(archetype, 0.0);
            counts.put(archetype, (int) Math.floor(exact));
            assigned += (int) Math.floor(exact);
            byRemainder.add(archetype);
        }
        byRemainder.sort((a, b) -> Double.compare(remainder(parameters, b), remainder(parameters, a)));
        for (int i = 0; assigned < parameters.accounts(); i++, assigned++) {
            counts.merge(byRemainder.get(i), 1, Integer::sum);
        }
        List<Archetype> archetypes = new ArrayList<>();
        counts.forEach((archetype, count) -> archetypes.addAll(Collections.nCopies(count, archetype)));
        Collections.shuffle(archetypes, random);
        return archetypes;
    }

    private static double remainder(FirmParameters parameters, Archetype archetype) {
        double exact = parameters.accounts() * parameters.shares().getOrDefault(archetype, 0.0);
        return exact - Math.floor(exact);
    }

    /**
     * {@code [--accounts N] [--years Y] [--seed S] [--out FILE]}: writes the history up to now as NDJSON for
     * {@code POST /api/import} to the file (standard output without one), and what it holds to standard error.
     */
    public static void main(String[] args) throws IOException {
        FirmParameters parameters = FirmParameters.defaults();
        Path out = null;
        try {
            for (int i = 0; i < args.length; i += 2) {
                String option = args[i];
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[i + 1];
                switch (option) {
                    case "--accounts" -> parameters = parameters.withAccounts(Integer.parseInt(value));
                    case "--years" -> parameters = parameters.withYears(Integer.parseInt(value));
                    case "--seed" -> parameters = parameters.withSeed(Long.parseLong(value));
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (IllegalArgumentException wrong) {
            System.err.println("history: " + wrong.getMessage() + " (--accounts N, --years Y, --seed S, --out FILE)");
            System.exit(2);
        }
        GeneratedFirm firm = generate(parameters);
        long lines;
        try (Writer writer = out == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            lines = ImportLines.write(firm, writer);
        }
        String archetypes = firm.accounts().stream()
                .collect(Collectors.groupingBy(account -> account.truth().archetype(), () -> new EnumMap<>(Archetype.class),
                        Collectors.counting()))
                .entrySet().stream().map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
        System.err.printf("%d accounts over %d years (%s), seed %d: %d lines%s%n", parameters.accounts(),
                parameters.years(), archetypes, parameters.seed(), lines, out == null ? "" : " in " + out);
    }
}
