namespace MentalHealthInsights.Core.Monitoring.Simulation;

/// <summary>
/// What <see cref="MonitoringSimulator"/> generates. The same options give the same records on
/// every machine (each day has its own seed derived from <see cref="Seed"/> and the day).
/// </summary>
public sealed record SimulationOptions
{
    /// <summary>Simulated days, 1–3,650. Default 30.</summary>
    public int Days { get; init; } = 30;

    /// <summary>Rows in each daily batch, 1–1,000,000. Default 1,000.</summary>
    public int RowsPerDay { get; init; } = 1000;

    /// <summary>The drift. Default <see cref="SimulationScenario.Stable"/>.</summary>
    public SimulationScenario Scenario { get; init; } = SimulationScenario.Stable;

    /// <summary>The first drifted day (days count from 1), 1–<see cref="Days"/>; ignored by Stable. Default 10.</summary>
    public int DriftStartDay { get; init; } = 10;

    /// <summary>Days until a batch's outcomes arrive, 0–<see cref="Days"/> (0: the same day). Default 3.</summary>
    public int LabelDelayDays { get; init; } = 3;

    /// <summary>Rows of the reference (training) data, drawn like an undrifted day, 1–10,000,000. Default 5,000.</summary>
    public int ReferenceRows { get; init; } = 5000;

    /// <summary>Seed of everything. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The calendar date of day 1 (dates only label files; nothing reads the clock). Default 2025-01-01.</summary>
    public DateOnly StartDate { get; init; } = new(2025, 1, 1);

    /// <summary>Every problem with the options, as sentences naming the option; empty when valid.</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        if (Days is < 1 or > 3650)
        {
            problems.Add("--days must be between 1 and 3650.");
        }
        if (RowsPerDay is < 1 or > 1_000_000)
        {
            problems.Add("--rows-per-day must be between 1 and 1000000.");
        }
        if (!Enum.IsDefined(Scenario))
        {
            problems.Add("--scenario is not a known scenario.");
        }
        // Stable plants no drift, so its (default) start day does not matter.
        if (
            Scenario != SimulationScenario.Stable
            && (DriftStartDay < 1 || DriftStartDay > Math.Max(1, Days))
        )
        {
            problems.Add("--drift-start must be between 1 and --days.");
        }
        if (LabelDelayDays < 0 || LabelDelayDays > Math.Max(0, Days))
        {
            problems.Add("--label-delay must be between 0 and --days.");
        }
        if (ReferenceRows is < 1 or > 10_000_000)
        {
            problems.Add("--reference-rows must be between 1 and 10000000.");
        }
        return problems;
    }
}
