using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Tests.Features;

/// <summary>Builds fresh records for the feature tests (nothing is shared between tests).</summary>
internal static class FeatureTestData
{
    public static MentalHealthRecord Record(
        double age = 30,
        string gender = "Female",
        string occupation = "IT",
        string country = "USA",
        bool? consultation = true,
        string? stress = "Low",
        double sleep = 7,
        double work = 40,
        double physical = 3,
        string? severity = null,
        bool hasCondition = false,
        string id = "u"
    ) =>
        new()
        {
            UserId = id,
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
            PhysicalActivityHours = physical,
        };

    /// <summary>
    /// Eight rows with missing values in every numeric column and in Consultation_History and
    /// Stress_Level. Reference statistics for them are in <see cref="Reference"/>.
    /// </summary>
    public static List<MentalHealthRecord> EightRows()
    {
        const double nan = double.NaN;
        return
        [
            Record(25, "Female", "IT", "USA", true, "Low", 7.5, 40, 2, id: "r0"),
            Record(30, "Male", "Healthcare", "UK", false, "High", 6.0, 55, 0, id: "r1"),
            Record(nan, "Female", "IT", "India", null, "Medium", 5.5, 60, 5.5, id: "r2"),
            Record(45, "Non-binary", "Finance", "USA", true, null, nan, 38, 3, id: "r3"),
            Record(52, "Male", "Sales", "Canada", false, "High", 8.0, nan, 1, id: "r4"),
            Record(nan, "Female", "Education", "Germany", false, "Low", 7.0, 45, nan, id: "r5"),
            Record(
                38,
                "Prefer not to say",
                "Other",
                "Australia",
                null,
                "Medium",
                6.5,
                50,
                nan,
                id: "r6"
            ),
            Record(61, "Male", "IT", "USA", true, "High", 4.0, 70, 7, id: "r7"),
        ];
    }

    /// <summary>
    /// Many varied records, seeded: every category of the schema, about 10% missing values.
    /// </summary>
    public static List<MentalHealthRecord> Random(int count, int seed)
    {
        var random = new Random(seed);
        var records = new List<MentalHealthRecord>(count);
        for (var i = 0; i < count; i++)
        {
            records.Add(
                Record(
                    age: Maybe(random, () => Math.Round(16 + (random.NextDouble() * 70), 1)),
                    gender: Pick(random, DatasetSchema.Genders),
                    occupation: Pick(random, DatasetSchema.Occupations),
                    country: Pick(random, DatasetSchema.Countries),
                    consultation: random.Next(10) == 0 ? null : random.Next(2) == 0,
                    stress: random.Next(10) == 0 ? null : Pick(random, DatasetSchema.StressLevels),
                    // Unrounded doubles exercise the exact round trip of every bit.
                    sleep: Maybe(random, () => 3 + (random.NextDouble() * 7)),
                    work: Maybe(random, () => 20 + (random.NextDouble() * 50)),
                    physical: Maybe(random, () => random.NextDouble() * 10),
                    hasCondition: random.Next(2) == 0,
                    id: "u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)
                )
            );
        }

        return records;
    }

    private static double Maybe(Random random, Func<double> value) =>
        random.Next(10) == 0 ? double.NaN : value();

    private static string Pick(Random random, IReadOnlyList<string> values) =>
        values[random.Next(values.Count)];

    /// <summary>
    /// Reference values for <see cref="EightRows"/>, obtained with /usr/bin/python3
    /// (numpy 1.24.2, scikit-learn 1.2.1):
    /// <c>imp = SimpleImputer(strategy="median").fit(X); sc = StandardScaler().fit(imp.transform(X))</c>,
    /// X = the columns Age, Sleep_Hours, Work_Hours, Physical_Activity_Hours; printed with repr().
    /// <c>np.std(imp.transform(X), axis=0)</c> (ddof 0) gives the same standard deviations.
    /// </summary>
    public static class Reference
    {
        public static readonly double[] Median = [41.5, 6.5, 50.0, 2.5];
        public static readonly double[] Mean = [41.75, 6.375, 51.0, 2.9375];
        public static readonly double[] Std =
        [
            10.717975555113009,
            1.165922381636102,
            9.912113800799505,
            2.1423920626253263,
        ];

        /// <summary><c>sc.transform(imp.transform(X))[2]</c>: row r2 (Age missing).</summary>
        public static readonly double[] Row2Scaled =
        [
            -0.023325300446383042,
            -0.7504787743864564,
            0.9079798901495729,
            1.1960929302827354,
        ];

        /// <summary><c>sc.transform(imp.transform(X))[5]</c>: row r5 (Age and Physical_Activity_Hours missing).</summary>
        public static readonly double[] Row5Scaled =
        [
            -0.023325300446383042,
            0.5360562674188973,
            -0.6053199267663819,
            -0.20421098809705238,
        ];
    }
}
