using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Server.Tests.Fixtures;

/// <summary>Records for tests that score without HTTP.</summary>
internal static class Records
{
    public static MentalHealthRecord Sample { get; } =
        new()
        {
            UserId = "sample",
            Age = 40,
            Gender = "Male",
            Occupation = "Sales",
            Country = "USA",
            HasCondition = false,
            ConsultationHistory = true,
            StressLevel = "Low",
            SleepHours = 8,
            WorkHours = 38,
            PhysicalActivityHours = 5,
        };
}
