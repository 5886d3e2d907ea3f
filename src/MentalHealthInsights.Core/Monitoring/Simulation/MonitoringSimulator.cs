using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;

namespace MentalHealthInsights.Core.Monitoring.Simulation;

/// <summary>
/// A production-like stream for monitoring: a reference (training) sample and daily batches
/// from the planted generator, with the scenario's drift from the drift start day, and the
/// outcomes of each batch arriving <see cref="SimulationOptions.LabelDelayDays"/> days later.
/// Everything is lazy and deterministic: a day's records depend only on the seed, the day and
/// the scenario, never on the number of days.
/// </summary>
public sealed class MonitoringSimulator
{
    /// <summary>Sleep_Hours lost per drifted day in <see cref="SimulationScenario.SleepDecline"/>.</summary>
    public const double SleepDeclinePerDay = 0.25;

    /// <summary>The largest sleep loss in <see cref="SimulationScenario.SleepDecline"/> (hours).</summary>
    public const double SleepDeclineMax = 2.0;

    /// <summary>The occupation that appears in <see cref="SimulationScenario.NewOccupation"/>.</summary>
    public const string NewOccupationName = "Student";

    /// <summary>Share gained per drifted day by the new occupation.</summary>
    public const double NewOccupationSharePerDay = 0.10;

    /// <summary>The new occupation's largest share.</summary>
    public const double NewOccupationShareMax = 0.40;

    /// <summary>
    /// In <see cref="SimulationScenario.LabelShift"/>, the probability that a generated record
    /// without the condition is kept (records with it are always kept): the odds of the
    /// condition triple, taking the prevalence from about 0.50 to about 0.75.
    /// </summary>
    public const double LabelShiftNegativeKeepRate = 1.0 / 3.0;

    /// <summary>Stress weights (Low, Medium, High) in <see cref="SimulationScenario.StressSpike"/>.</summary>
    public static IReadOnlyList<double> StressSpikeWeights { get; } = [0.15, 0.25, 0.60];

    /// <summary>Creates a simulator; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public MonitoringSimulator(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.FindProblems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }
        Options = options;
    }

    /// <summary>The options.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The calendar date of <paramref name="day"/> (day 1 is <see cref="SimulationOptions.StartDate"/>).</summary>
    public DateOnly DateOf(int day) => Options.StartDate.AddDays(day - 1);

    /// <summary>True when <paramref name="day"/> carries the scenario's drift.</summary>
    public bool IsDrifted(int day) =>
        Options.Scenario != SimulationScenario.Stable && day >= Options.DriftStartDay;

    /// <summary>The batch day whose outcomes arrive on <paramref name="day"/>; null when none does.</summary>
    public int? LabelsArrivingOn(int day)
    {
        CheckDay(day);
        var batch = day - Options.LabelDelayDays;
        return batch >= 1 ? batch : null;
    }

    /// <summary>The reference sample: <see cref="SimulationOptions.ReferenceRows"/> undrifted rows, ids 1…ReferenceRows.</summary>
    public IEnumerable<MentalHealthRecord> Reference() =>
        Relabel(Generate(0, null), Options.ReferenceRows, 0);

    /// <summary>The batch of <paramref name="day"/> (1…Days) with its true outcomes; ids continue after the reference's.</summary>
    public IEnumerable<MentalHealthRecord> Day(int day)
    {
        CheckDay(day);
        var firstId = Options.ReferenceRows + ((long)(day - 1) * Options.RowsPerDay);
        var records = Generate(day, IsDrifted(day) ? ShiftFor(day) : null);
        if (IsDrifted(day) && Options.Scenario == SimulationScenario.LabelShift)
        {
            records = KeepNegatives(records, LabelShiftNegativeKeepRate, DaySeed(day) ^ 0x5A17);
        }
        return Relabel(records, Options.RowsPerDay, firstId);
    }

    /// <summary>The feature shift of a drifted day (null for label shift, which changes no feature mechanism).</summary>
    public SyntheticShift? ShiftFor(int day)
    {
        var drifted = day - Options.DriftStartDay + 1;
        return Options.Scenario switch
        {
            SimulationScenario.SleepDecline => new SyntheticShift
            {
                SleepHoursDecrease = Math.Min(SleepDeclineMax, SleepDeclinePerDay * drifted),
            },
            SimulationScenario.NewOccupation => new SyntheticShift
            {
                NewOccupation = NewOccupationName,
                NewOccupationShare = Math.Min(
                    NewOccupationShareMax,
                    NewOccupationSharePerDay * drifted
                ),
            },
            SimulationScenario.StressSpike => new SyntheticShift
            {
                StressWeights = StressSpikeWeights,
            },
            _ => null,
        };
    }

    // A day's seed: a SplitMix64 finaliser of (seed, day), so neighbouring days are unrelated
    // streams and a day never depends on how many days are simulated.
    private int DaySeed(int day)
    {
        unchecked
        {
            var x =
                ((ulong)(uint)Options.Seed * 0x9E3779B97F4A7C15UL)
                + ((ulong)(uint)day * 0xBF58476D1CE4E5B9UL)
                + 0x94D049BB133111EBUL;
            x ^= x >> 30;
            x *= 0xBF58476D1CE4E5B9UL;
            x ^= x >> 27;
            x *= 0x94D049BB133111EBUL;
            x ^= x >> 31;
            return (int)(x & 0x7FFFFFFF);
        }
    }

    // Unbounded: label shift discards records, so the caller takes as many as it needs.
    private IEnumerable<MentalHealthRecord> Generate(int day, SyntheticShift? shift) =>
        SyntheticDataGenerator.Generate(
            new SyntheticDataOptions
            {
                Rows = int.MaxValue,
                Seed = DaySeed(day),
                Signal = SignalKind.Planted,
                Shift = shift,
            }
        );

    private static IEnumerable<MentalHealthRecord> KeepNegatives(
        IEnumerable<MentalHealthRecord> records,
        double keepRate,
        int seed
    )
    {
        // Acceptance depends on the outcome only, so P(features | outcome) is unchanged.
        var random = new Random(seed);
        foreach (var record in records)
        {
            if (record.HasCondition || random.NextDouble() < keepRate)
            {
                yield return record;
            }
        }
    }

    private static IEnumerable<MentalHealthRecord> Relabel(
        IEnumerable<MentalHealthRecord> records,
        int count,
        long firstId
    )
    {
        var id = firstId;
        foreach (var record in records.Take(count))
        {
            id++;
            yield return record with
            {
                UserId = id.ToString(CultureInfo.InvariantCulture),
            };
        }
    }

    private void CheckDay(int day) =>
        ArgumentOutOfRangeException.ThrowIfGreaterThan(
            (uint)day - 1,
            (uint)Options.Days - 1,
            nameof(day)
        );
}
