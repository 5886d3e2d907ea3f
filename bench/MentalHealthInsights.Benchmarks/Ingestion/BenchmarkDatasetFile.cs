using System.Globalization;
using System.Text;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Benchmarks.Ingestion;

/// <summary>
/// The input for the ingestion benchmarks: the file named by MHI_BENCH_CSV, or a valid
/// 1,000,000-row file written once (seeded, so always the same) into the temp folder.
/// </summary>
internal static class BenchmarkDatasetFile
{
    public const string EnvironmentVariable = "MHI_BENCH_CSV";
    public const int Rows = 1_000_000;

    public static string Resolve()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var path = Path.Combine(Path.GetTempPath(), "mhi-bench", $"ingest-{Rows}-v1.csv");
        if (!File.Exists(path))
        {
            Write(path);
        }

        return path;
    }

    // A small local writer (the product's CsvDatasetWriter is not needed to make test input):
    // realistic values, some empty optional fields, every row valid under the default rules.
    private static void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        var random = new Random(20_261_128);
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write(string.Join(',', DatasetSchema.Columns));
            writer.Write('\n');
            for (var i = 0; i < Rows; i++)
            {
                var hasCondition = random.NextDouble() < 0.5;
                writer.Write(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"U{i:D7},{random.Next(18, 66)},{Pick(random, DatasetSchema.Genders)},"
                            + $"{Pick(random, DatasetSchema.Occupations)},{Pick(random, DatasetSchema.Countries)},"
                            + $"{(hasCondition ? "Yes" : "No")},{(hasCondition ? Pick(random, DatasetSchema.SeverityLevels) : "")},"
                            + $"{Pick(random, DatasetSchema.YesNo)},{Pick(random, DatasetSchema.StressLevels)},"
                            + $"{random.Next(40, 100) / 10.0},{random.Next(30, 70)},{random.Next(0, 100) / 10.0}\n"
                    )
                );
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string Pick(Random random, IReadOnlyList<string> values) =>
        values[random.Next(values.Count)];
}
