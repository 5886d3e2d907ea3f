using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Data;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Tests.Data;

/// <summary>Builds small dataset CSVs as text, and reads them back through the reader.</summary>
internal static class CsvText
{
    public static readonly string Header = string.Join(',', DatasetSchema.Columns);

    public static string Row(string userId = "U1") =>
        $"{userId},30,Female,IT,USA,Yes,Low,No,Medium,7.5,40,3";

    /// <summary>Header plus rows, each line ended by <paramref name="newLine"/>.</summary>
    public static string File(IEnumerable<string> rows, string newLine = "\n") =>
        string.Concat(new[] { Header }.Concat(rows).Select(l => l + newLine));

    public static string File(params string[] rows) => File(rows, "\n");

    /// <summary>Runs <see cref="CsvDatasetReader.Read"/> on <paramref name="bytes"/> in memory.</summary>
    public static Result Read(
        byte[] bytes,
        ValidationOptions? options = null,
        TargetRequirement target = TargetRequirement.Required
    )
    {
        var records = new List<MentalHealthRecord>();
        using var rejects = new StringWriter();
        using var input = new MemoryStream(bytes, writable: false);
        var report = new CsvDatasetReader(options, target).Read(input, records.Add, rejects);
        return new Result(report, records, rejects.ToString());
    }

    public static Result Read(
        string text,
        ValidationOptions? options = null,
        TargetRequirement target = TargetRequirement.Required
    ) => Read(System.Text.Encoding.UTF8.GetBytes(text), options, target);

    /// <summary>The rejects CSV parsed into rows of (line, reason, column, original).</summary>
    public static List<string[]> ParseRejects(string rejectsCsv)
    {
        using var reader = Sep.New(',')
            .Reader(o => o with { Unescape = true })
            .FromText(rejectsCsv);
        Assert.Equal(["line", "reason", "column", "original"], reader.Header.ColNames);
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            rows.Add([row[0].ToString(), row[1].ToString(), row[2].ToString(), row[3].ToString()]);
        }

        return rows;
    }

    internal sealed record Result(
        ValidationReport Report,
        List<MentalHealthRecord> Records,
        string RejectsCsv
    )
    {
        public List<string[]> Rejects => ParseRejects(RejectsCsv);
    }
}
