package com.rapport.insights.calibration;

import com.rapport.insights.health.Factor;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.FastMath;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A logistic regression of "a loss followed within the horizon" on how far each factor fell short
 * ({@code (100 - sub-score) / 100}): its coefficients say how much each shortfall raises the odds of
 * a loss. Fitted by Newton's method (iteratively reweighted least squares), each step solved with
 * Commons Math's Cholesky decomposition, with a small ridge penalty so that a factor that never falls
 * short stays at 0 and the steps stay defined; each class is weighed by its share, so that the few
 * assessments before losses count as much as the many of accounts kept.
 */
final class LossOdds {

    private static final double RIDGE = 0.01;
    private static final int MOST_STEPS = 50;
    private static final double SETTLED = 1e-8;

    private LossOdds() {
    }

    /** @return each factor's coefficient */
    static Map<Factor, Double> fit(List<Sample> samples) {
        int factors = Factor.values().length;
        int parameters = factors + 1;
        long beforeLosses = samples.stream().filter(Sample::beforeALoss).count();
        double positiveWeight = beforeLosses == 0 ? 1 : (samples.size() - beforeLosses) / (double) beforeLosses;
        double[][] rows = new double[samples.size()][parameters];
        for (int i = 0; i < samples.size(); i++) {
            rows[i][0] = 1;
            for (int factor = 0; factor < factors; factor++) {
                rows[i][factor + 1] = (100 - samples.get(i).scores()[factor]) / 100.0;
            }
        }
        RealVector beta = new ArrayRealVector(parameters);
        for (int step = 0; step < MOST_STEPS; step++) {
            RealMatrix curvature = new Array2DRowRealMatrix(parameters, parameters);
            RealVector slope = new ArrayRealVector(parameters);
            for (int i = 0; i < rows.length; i++) {
                Sample sample = samples.get(i);
                double weight = sample.beforeALoss() ? positiveWeight : 1;
                double odds = 1 / (1 + FastMath.exp(-beta.dotProduct(new ArrayRealVector(rows[i], false))));
                double residual = (sample.beforeALoss() ? 1 : 0) - odds;
                double spread = weight * odds * (1 - odds);
                for (int a = 0; a < parameters; a++) {
                    slope.addToEntry(a, weight * residual * rows[i][a]);
                    for (int b = 0; b < parameters; b++) {
                        curvature.addToEntry(a, b, spread * rows[i][a] * rows[i][b]);
                    }
                }
            }
            for (int a = 1; a < parameters; a++) {
                // the ridge leaves the intercept alone
                curvature.addToEntry(a, a, RIDGE * rows.length);
                slope.addToEntry(a, -RIDGE * rows.length * beta.getEntry(a));
            }
            curvature.addToEntry(0, 0, 1e-9 * rows.length);
            RealVector change = new CholeskyDecomposition(curvature).getSolver().solve(slope);
            beta = beta.add(change);
            if (change.getLInfNorm() < SETTLED) {
                break;
            }
        }
        Map<Factor, Double> coefficients = new EnumMap<>(Factor.class);
        for (Factor factor : Factor.values()) {
            coefficients.put(factor, beta.getEntry(factor.ordinal() + 1));
        }
        return coefficients;
    }
}
