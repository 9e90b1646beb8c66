package com.rapport.insights.portfolio;

import com.rapport.events.insights.HealthBand;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio as it stands, added up by the database from every account's latest assessment:
 * each is current, since an account is re-assessed whenever its assessment changes.
 */
@Component
public class LivePortfolio {

    private final JdbcClient jdbc;

    LivePortfolio(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The portfolio figures now, from the latest assessments: each is current, since every account is
     * re-assessed whenever its assessment changes.
     */
    public PortfolioFigures figures(Instant now) {
        Map<HealthBand, Long> bands = new EnumMap<>(HealthBand.class);
        for (HealthBand band : HealthBand.values()) {
            bands.put(band, 0L);
        }
        long[] neglected = {0};
        jdbc.sql("SELECT band, neglected, COUNT(*) AS accounts FROM insights.account_health WHERE lost = FALSE"
                        + " GROUP BY band, neglected")
                .query(row -> {
                    bands.merge(HealthBand.valueOf(row.getString("band")), row.getLong("accounts"), Long::sum);
                    if (row.getBoolean("neglected")) {
                        neglected[0] += row.getLong("accounts");
                    }
                });
        List<PortfolioFigures.Money> atRisk = jdbc.sql("""
                        SELECT currency, SUM(annual_value) AS amount FROM insights.account_health
                        WHERE lost = FALSE AND (neglected = TRUE OR band IN ('AT_RISK', 'CRITICAL'))
                        GROUP BY currency ORDER BY currency""")
                .query((row, number) -> new PortfolioFigures.Money(row.getBigDecimal("amount"), row.getString("currency")))
                .list();
        List<PortfolioFigures.OwnerCoverage> owners = jdbc.sql("""
                        SELECT owner_id, COUNT(*) AS accounts,
                            SUM(CASE WHEN days_since_contact <= cadence_days THEN 1 ELSE 0 END) AS within
                        FROM insights.account_health WHERE lost = FALSE GROUP BY owner_id ORDER BY owner_id""")
                .query((row, number) -> PortfolioFigures.OwnerCoverage.of(row.getString("owner_id"),
                        row.getLong("accounts"), row.getLong("within")))
                .list();
        long accounts = bands.values().stream().mapToLong(Long::longValue).sum();
        return new PortfolioFigures(now, (int) accounts, bands, neglected[0], atRisk, owners);
    }

    /** Accounts we still have in the band. */
    public long inBand(HealthBand band) {
        return jdbc.sql("SELECT COUNT(*) FROM insights.account_health WHERE lost = FALSE AND band = :band")
                .param("band", band.name()).query(Long.class).single();
    }

    /** Accounts we still have that are neglected. */
    public long neglected() {
        return jdbc.sql("SELECT COUNT(*) FROM insights.account_health WHERE lost = FALSE AND neglected = TRUE")
                .query(Long.class).single();
    }


    /** Every currency of an account we still have. */
    public List<String> currencies() {
        return jdbc.sql("SELECT DISTINCT currency FROM insights.account_health WHERE lost = FALSE ORDER BY currency")
                .query(String.class)
                .list();
    }
}
