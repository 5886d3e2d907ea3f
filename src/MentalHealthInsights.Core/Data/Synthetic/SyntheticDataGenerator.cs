using System.Globalization;

namespace MentalHealthInsights.Core.Data.Synthetic;

/// <summary>
/// Generates the project's embedded default dataset: records with the schema and marginals of
/// the public 1,000-record "Comprehensive Mental Health Insights" dataset, and a target that
/// either follows <see cref="PlantedModel"/> or is pure noise (docs/synthetic-data.md).
/// </summary>
public static class SyntheticDataGenerator
{
    // Cached as arrays: the hot loop indexes them once per record.
    private static readonly string[] Genders = [.. DatasetSchema.Genders];
    private static readonly string[] Occupations = [.. DatasetSchema.Occupations];
    private static readonly string[] Countries = [.. DatasetSchema.Countries];
    private static readonly string[] StressLevels = [.. DatasetSchema.StressLevels];
    private static readonly string[] PositiveSeverities = [.. DatasetSchema.SeverityLevels.Skip(1)];
    private static readonly string NoSeverity = DatasetSchema.SeverityLevels[0];

    /// <summary>
    /// Streams <see cref="SyntheticDataOptions.Rows"/> records, lazily: nothing is generated
    /// until enumeration and no more than one record is held at a time, so any size fits in
    /// memory. Each enumeration restarts from the seed and yields the same records.
    /// </summary>
    /// <remarks>
    /// Every record consumes the same eleven draws from <c>new Random(Seed)</c>, in a fixed order,
    /// whatever the signal: Planted and None data with the same seed have identical features and
    /// differ only in Mental_Health_Condition and Severity.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Rows is not positive or Signal is undefined (thrown at the call, not at enumeration).</exception>
    public static IEnumerable<MentalHealthRecord> Generate(SyntheticDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Rows);
        if (!Enum.IsDefined(options.Signal))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.Signal,
                "Unknown signal kind."
            );
        }

        if (options.Shift?.FindProblems() is { Count: > 0 } problems)
        {
            throw new ArgumentOutOfRangeException(nameof(options), string.Join(" ", problems));
        }

        return Enumerate(options.Rows, options.Seed, options.Signal, options.Shift);
    }

    private static IEnumerable<MentalHealthRecord> Enumerate(
        int rows,
        int seed,
        SignalKind signal,
        SyntheticShift? shift
    )
    {
        // Seeded System.Random uses the legacy subtractive generator, whose sequence .NET keeps
        // stable for compatibility; a golden-value test pins it.
        var random = new Random(seed);
        for (var i = 1; i <= rows; i++)
        {
            double age = random.Next(18, 66);
            var gender = Genders[random.Next(Genders.Length)];
            var occupation = shift is null
                ? Occupations[random.Next(Occupations.Length)]
                : PickOccupation(shift, random);
            var country = Countries[random.Next(Countries.Length)];
            var consultation = random.Next(2) == 1;
            var stress = shift?.StressWeights is { } weights
                ? PickWeighted(StressLevels, weights, random.NextDouble())
                : StressLevels[random.Next(StressLevels.Length)];
            // Tenths as an integer, so every value is the double closest to one decimal.
            var sleepTenths = random.Next(40, 101);
            if (shift is not null)
            {
                sleepTenths = Math.Max(
                    0,
                    sleepTenths - (int)Math.Round(shift.SleepHoursDecrease * 10)
                );
            }
            var sleep = sleepTenths / 10.0;
            double work = random.Next(30, 81);
            double activity = random.Next(0, 11);
            var targetDraw = random.NextDouble();
            var severityDraw = random.NextDouble();

            bool hasCondition;
            string severity;
            if (signal == SignalKind.Planted)
            {
                var probability = PlantedModel.Sigmoid(
                    PlantedModel.Logit(age, occupation, consultation, stress, sleep, work, activity)
                );
                hasCondition = targetDraw < probability;
                severity = PlantedModel.SeverityFor(hasCondition, probability);
            }
            else
            {
                hasCondition = targetDraw < 0.5;
                severity = hasCondition
                    ? PositiveSeverities[(int)(severityDraw * PositiveSeverities.Length)]
                    : NoSeverity;
            }

            yield return new MentalHealthRecord
            {
                UserId = i.ToString(CultureInfo.InvariantCulture),
                Age = age,
                Gender = gender,
                Occupation = occupation,
                Country = country,
                HasCondition = hasCondition,
                Severity = severity,
                ConsultationHistory = consultation,
                StressLevel = stress,
                SleepHours = sleep,
                WorkHours = work,
                PhysicalActivityHours = activity,
            };
        }
    }

    // One draw per record, as in the unshifted path, so a shift changes values, not the stream.
    private static string PickOccupation(SyntheticShift shift, Random random)
    {
        var share = shift.NewOccupationShare;
        if (share <= 0)
        {
            return Occupations[random.Next(Occupations.Length)];
        }
        var u = random.NextDouble();
        if (u < share)
        {
            return shift.NewOccupation!;
        }
        var index = (int)((u - share) / (1 - share) * Occupations.Length);
        return Occupations[Math.Min(index, Occupations.Length - 1)];
    }

    private static string PickWeighted(string[] values, IReadOnlyList<double> weights, double u)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
        }
        var cumulative = 0.0;
        for (var i = 0; i < values.Length - 1; i++)
        {
            cumulative += weights[i] / total;
            if (u < cumulative)
            {
                return values[i];
            }
        }
        return values[^1];
    }
}
