using System.Globalization;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting;

/// <summary>A small deterministic dataset with one planted association (Sleep_Hours).</summary>
internal static class ReportTestData
{
    public static List<MentalHealthRecord> Records(int count = 120) =>
        [
            .. Enumerable
                .Range(0, count)
                .Select(i =>
                {
                    bool condition = i % 2 == 0;
                    int k = i / 2;
                    return new MentalHealthRecord
                    {
                        UserId = "U" + i.ToString(CultureInfo.InvariantCulture),
                        Age = k % 13 == 0 ? double.NaN : 18 + (k % 50),
                        Gender = DatasetSchema.Genders[k % DatasetSchema.Genders.Count],
                        Occupation = DatasetSchema.Occupations[k % DatasetSchema.Occupations.Count],
                        Country = DatasetSchema.Countries[(k / 2) % DatasetSchema.Countries.Count],
                        HasCondition = condition,
                        Severity = condition ? "Medium" : null,
                        ConsultationHistory = k % 3 == 2 ? null : k % 3 == 0,
                        StressLevel = DatasetSchema.StressLevels[k % 3],
                        SleepHours = (condition ? 5.0 : 7.0) + (k % 6 * 0.25),
                        WorkHours = 35 + (k % 20),
                        PhysicalActivityHours = k % 8,
                    };
                }),
        ];

    public static ValidationReport Validation(int accepted) =>
        new()
        {
            RowsRead = accepted + 2,
            RowsAccepted = accepted,
            RowsRejected = 2,
            RejectsByReason = new Dictionary<RejectReason, long>
            {
                [RejectReason.MissingTarget] = 2,
            },
            MissingByColumn = DatasetSchema.Columns.ToDictionary(
                c => c,
                c => c == DatasetSchema.Age ? 5L : 0L
            ),
            UnknownCategoriesMapped = new Dictionary<string, long> { [DatasetSchema.Country] = 1 },
        };
}
