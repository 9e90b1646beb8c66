package com.rapport.insights.backtest;

import com.rapport.events.AccountEvent;
import com.rapport.insights.calibration.Calibration;
import com.rapport.insights.health.HealthPolicy;
import com.rapport.insights.losses.Window;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What a backtest and a calibration cost as the firm grows: each run on generated firms of the sizes asked for
 * (two years of history each, seed 1), the replay alone, with the histories in memory, so that the figure is
 * the work of the replay and not of reading the store. Each size is reported beside the smallest, per account.
 * Started by {@code ./rapport bench --backtest}, which names the commit; it writes a Markdown report.
 */
public final class BacktestBenchmark {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private BacktestBenchmark() {
    }

    /** @param args the report's file, the commit, then the sizes */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        String commit = args[1];
        int[] sizes = Arrays.stream(args).skip(2).mapToInt(Integer::parseInt).toArray();
        Window everything = Window.of(Instant.EPOCH, NOW, NOW);
        HealthPolicy policy = HealthPolicy.defaults();
        StringBuilder rows = new StringBuilder();
        double[] anchor = null;
        for (int size : sizes) {
            List<List<AccountEvent>> firm = GeneratedFirm.generate(FirmParameters.defaults().withNow(NOW).withAccounts(size))
                    .histories().toList();
            long events = firm.stream().mapToLong(List::size).sum();
            // once to warm the code up, then measured
            BacktestReport report = new Backtest(policy).run(firm.stream(), everything);
            double backtest = seconds(() -> new Backtest(policy).run(firm.stream(), everything));
            Calibration.Proposal[] proposal = new Calibration.Proposal[1];
            double calibration = seconds(() -> proposal[0] = new Calibration(0.10, Backtest.OUTSIDE_BY_DEFAULT)
                    .propose(firm.stream(), everything, policy));
            BacktestReport calibrated = new Backtest(proposal[0].proposed()).run(firm.stream(), everything);
            double[] perAccount = {backtest / size * 1e6, calibration / size * 1e6};
            if (anchor == null) {
                anchor = perAccount;
            }
            rows.append(String.format(Locale.ROOT, "| %,d | %,d | %.2f s | %.0f µs | %.2f × | %.2f s | %.0f µs | %.2f × | %s | %s |%n",
                    size, events, backtest, perAccount[0], perAccount[0] / anchor[0], calibration, perAccount[1],
                    perAccount[1] / anchor[1], warnings(report), warnings(calibrated)));
            System.err.printf("%,d accounts: backtest %.2f s, calibration %.2f s%n", size, backtest, calibration);
        }
        String text = "# Backtest and calibration: cost as the firm grows\n\n"
                + "`./rapport bench --backtest` on " + LocalDate.now(ZoneOffset.UTC) + ", commit " + commit + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", heap at most " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB. Generated firms (two years,"
                + " seed 1, `docs/generated-history.md`) held in memory: the figures are the replay's work, not the"
                + " store's reads (`GET /api/insights/backtest` reads every account's events from insights' copy, 500"
                + " accounts a query). The anchor of each size is the smallest size, per account: a ratio near 1 means"
                + " the cost grows with the firm and no faster. The last two columns are, for the default policy and for"
                + " the policy calibrated on that firm, the share of losses a history could show that were flagged before"
                + " the loss, the median lead (days) and the share of monthly assessments of accounts kept that were"
                + " flagged (the goals: at least 0.9, 60 days, at most 0.1).\n\n"
                + "| accounts | events | backtest | per account | vs smallest | calibration | per account | vs smallest"
                + " | default: recall / lead / false alarms | calibrated: recall / lead / false alarms |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n" + rows;
        Files.writeString(out, text);
    }

    /** The recall of the losses a history could show, the median lead in days, and the false-alarm share. */
    private static String warnings(BacktestReport report) {
        return report.foreseeable().flaggedShare() + " / "
                + (report.foreseeable().leadTimeDays() == null ? "-" : report.foreseeable().leadTimeDays().median())
                + " / " + report.falseAlarms().share();
    }

    private static double seconds(Supplier<?> work) {
        long start = System.nanoTime();
        work.get();
        return Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0;
    }
}
