namespace MentalHealthInsights.Core.Monitoring.Performance;

/// <summary>
/// NannyML's estimated ROC AUC (spec §2.2): rows ordered by the <em>uncalibrated</em> score
/// descending; tps_k = Σ_{i≤k} p̂_i and fps_k = k − tps_k, prepended with (0, 0) and rounded to 5
/// decimals; AUC = trapezoid area of (fps/fps_n, tps/tps_n). NaN when Σp̂ or Σ(1 − p̂) is 0.
/// </summary>
public static class CbpeAuc
{
    /// <summary>Estimates ROC AUC of one chunk.</summary>
    public static double Estimate(ReadOnlySpan<double> scores, ReadOnlySpan<double> calibrated)
    {
        int n = scores.Length;
        if (n == 0)
        {
            return double.NaN;
        }
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        var keys = scores.ToArray();
        // Descending by score; stable so ties keep row order (their p̂ are equal anyway).
        var negated = new double[n];
        for (int i = 0; i < n; i++)
        {
            negated[i] = -keys[i];
        }
        Array.Sort(negated, order);
        var tps = new double[n + 1];
        var fps = new double[n + 1];
        double cumulative = 0;
        for (int k = 0; k < n; k++)
        {
            cumulative += calibrated[order[k]];
            tps[k + 1] = Math.Round(cumulative, 5, MidpointRounding.ToEven);
            fps[k + 1] = Math.Round(k + 1 - cumulative, 5, MidpointRounding.ToEven);
        }
        double tn = tps[n];
        double fn = fps[n];
        if (tn == 0 || fn == 0)
        {
            return double.NaN;
        }
        double area = 0;
        for (int k = 1; k <= n; k++)
        {
            area += (fps[k] - fps[k - 1]) / fn * (tps[k] + tps[k - 1]) / tn / 2;
        }
        return area;
    }
}
