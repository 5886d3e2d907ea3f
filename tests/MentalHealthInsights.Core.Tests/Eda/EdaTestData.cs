using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Tests.Eda;

/// <summary>Small synthetic datasets built in code (no files, no randomness).</summary>
internal static class EdaTestData
{
    /// <summary>
    /// Records in pairs (2k with the condition, 2k+1 without) that share every feature value,
    /// so each feature has the same distribution in both groups: no association at all.
    /// </summary>
    public static List<MentalHealthRecord> Independent(int pairs = 100) =>
        [.. Enumerable.Range(0, pairs * 2).Select(i => Build(i, i / 2, i % 2 == 0))];

    /// <summary>
    /// Like <see cref="Independent"/>, but Sleep_Hours is lower and Stress_Level higher among
    /// people with the condition.
    /// </summary>
    public static List<MentalHealthRecord> Planted(int pairs = 100) =>
        [
            .. Enumerable
                .Range(0, pairs * 2)
                .Select(i =>
                {
                    bool condition = i % 2 == 0;
                    var r = Build(i, i / 2, condition);
                    return r with
                    {
                        SleepHours = (condition ? 5.0 : 7.5) + ((i / 2) % 7 * 0.1),
                        StressLevel = (i / 2 % 5, condition) switch
                        {
                            (< 4, true) => "High",
                            (_, true) => "Low",
                            (< 4, false) => "Low",
                            _ => "Medium",
                        },
                    };
                }),
        ];

    public static ValidationReport Validation(int accepted, int rejected = 0) =>
        new()
        {
            RowsRead = accepted + rejected,
            RowsAccepted = accepted,
            RowsRejected = rejected,
            RejectsByReason =
                rejected > 0
                    ? new Dictionary<RejectReason, long> { [RejectReason.OutOfRange] = rejected }
                    : new Dictionary<RejectReason, long>(),
            MissingByColumn = new Dictionary<string, long> { [DatasetSchema.Age] = 0 },
            UnknownCategoriesMapped = new Dictionary<string, long>
            {
                [DatasetSchema.Occupation] = 3,
            },
        };

    private static MentalHealthRecord Build(int id, int k, bool condition) =>
        new()
        {
            UserId = "U" + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Age = k % 17 == 0 ? double.NaN : 20 + (k % 40),
            Gender = DatasetSchema.Genders[k % DatasetSchema.Genders.Count],
            Occupation = DatasetSchema.Occupations[k % DatasetSchema.Occupations.Count],
            Country = DatasetSchema.Countries[(k / 3) % DatasetSchema.Countries.Count],
            HasCondition = condition,
            Severity = condition ? (k % 2 == 0 ? "High" : "Medium") : (k % 3 == 0 ? null : "None"),
            ConsultationHistory = (k % 3) switch
            {
                0 => true,
                1 => false,
                _ => null,
            },
            StressLevel = DatasetSchema.StressLevels[k % 3],
            SleepHours = 4 + (k % 9 * 0.5),
            WorkHours = 30 + (k % 25),
            PhysicalActivityHours = k % 11,
        };
}
