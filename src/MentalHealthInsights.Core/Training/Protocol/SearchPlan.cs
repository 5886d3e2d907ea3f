namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// The rungs of a search: how many configurations are evaluated and on how many folds (counted
/// from the first) at each rung. A pure function of the configuration count, the folds, the
/// strategy and whether the trainer ranks on stand-ins, so the number of evaluations is known
/// before the search starts (progress) and does not depend on the data.
/// </summary>
public static class SearchPlan
{
    /// <summary>
    /// Successive halving's rate η = 3: each rung keeps the best ⌈n / 3⌉ configurations and
    /// evaluates them on three times as many folds (capped at all folds).
    /// </summary>
    public const int HalvingRate = 3;

    /// <summary>
    /// The rungs, in order; the last one always has every fold. <see cref="SearchStrategy.Full"/>,
    /// or at most <see cref="HalvingRate"/> configurations, give one rung (all configurations,
    /// all folds).
    /// </summary>
    /// <param name="configurations">Configurations in the search, at least 1.</param>
    /// <param name="folds">Cross-validation folds, at least 2.</param>
    /// <param name="strategy">The strategy.</param>
    /// <param name="standIns">
    /// True when the trainer ranks on cheaper stand-ins (<see cref="IBinaryTrainer.RanksOnStandIns"/>):
    /// every rung but the last then fits stand-ins (<see cref="SearchRung.StandIns"/>), and the
    /// last rung fits its survivors on every fold. Default false.
    /// </param>
    public static IReadOnlyList<SearchRung> Rungs(
        int configurations,
        int folds,
        SearchStrategy strategy,
        bool standIns = false
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(configurations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 1);
        if (strategy == SearchStrategy.Full || configurations <= HalvingRate)
        {
            return [new SearchRung(configurations, folds)];
        }

        var rungs = new List<SearchRung>();
        var n = configurations;
        var r = 1;
        while (r < folds && n > 1)
        {
            rungs.Add(new SearchRung(n, r) { StandIns = standIns });
            n = (n + HalvingRate - 1) / HalvingRate;
            r = Math.Min(folds, r * HalvingRate);
        }

        rungs.Add(new SearchRung(n, folds));
        return rungs;
    }

    /// <summary>
    /// The evaluations the rungs need — what the search's progress counts: each configuration
    /// (or its stand-in) once per fold it reaches. After stand-in rungs the last rung starts
    /// again at fold 0. Configurations that share one fit (<see cref="IBinaryTrainer.SharedFitKey"/>)
    /// still count one evaluation each.
    /// </summary>
    public static int Fits(IReadOnlyList<SearchRung> rungs)
    {
        ArgumentNullException.ThrowIfNull(rungs);
        var fits = 0;
        var previousFolds = 0;
        var previousStandIns = false;
        foreach (var rung in rungs)
        {
            var first = rung.StandIns == previousStandIns ? previousFolds : 0;
            fits += rung.Configurations * (rung.Folds - first);
            previousFolds = rung.Folds;
            previousStandIns = rung.StandIns;
        }

        return fits;
    }
}
