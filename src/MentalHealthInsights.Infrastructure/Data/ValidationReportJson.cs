using System.Text.Json;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Infrastructure.Data;

/// <summary>The JSON summary of a <see cref="ValidationReport"/> (format in docs/data-validation.md).</summary>
public static class ValidationReportJson
{
    /// <summary>
    /// Serializes <paramref name="report"/>: indented, camelCase keys (<c>rowsRead</c>,
    /// <c>rowsAccepted</c>, <c>rowsRejected</c>, <c>rejectsByReason</c>, <c>missingByColumn</c>,
    /// <c>unknownCategoriesMapped</c>, <c>warnings</c>, <c>fatalError</c>, <c>isReadable</c>,
    /// <c>reconciles</c>), reason codes and column names as written, null
    /// <c>fatalError</c> kept.
    /// </summary>
    public static string Serialize(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(
            report,
            ValidationReportJsonContext.Default.ValidationReport
        );
    }
}
