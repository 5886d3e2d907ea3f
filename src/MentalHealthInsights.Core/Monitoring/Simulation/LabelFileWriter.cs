using System.Text;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Core.Monitoring.Simulation;

/// <summary>
/// Writes outcome labels as CSV: header <c>User_ID,Mental_Health_Condition</c>, then one row
/// per record with Yes/No; LF line ends, UTF-8 without BOM, ids quoted only when they must be
/// (RFC 4180), so the bytes do not depend on the OS.
/// </summary>
public static class LabelFileWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(false, true);

    /// <summary>Writes the labels of <paramref name="records"/> to <paramref name="output"/> (left open); returns the row count.</summary>
    public static long Write(IEnumerable<MentalHealthRecord> records, Stream output)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, Utf8NoBom, 1 << 16, leaveOpen: true);
        writer.Write(DatasetSchema.UserId);
        writer.Write(',');
        writer.Write(DatasetSchema.MentalHealthCondition);
        writer.Write('\n');
        long rows = 0;
        foreach (var record in records)
        {
            var id = record.UserId;
            if (id.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                id = "\"" + id.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            }
            writer.Write(id);
            writer.Write(record.HasCondition ? ",Yes\n" : ",No\n");
            rows++;
        }
        writer.Flush();
        return rows;
    }
}
