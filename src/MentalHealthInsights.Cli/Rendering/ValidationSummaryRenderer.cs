using System.Globalization;
using System.Text;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Cli.Rendering;

/// <summary>
/// The human-readable validation summary: counts that reconcile, rejects by reason, missing values
/// and mapped categories. Counts and column names only: never record values.
/// </summary>
internal static class ValidationSummaryRenderer
{
    public static string Render(ValidationReport report, string? rejectsPath)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(
            culture,
            $"Rows read {report.RowsRead:N0} = accepted {report.RowsAccepted:N0} + rejected {report.RowsRejected:N0}"
        );
        if (!report.Reconciles)
        {
            text.AppendLine("Counts DO NOT RECONCILE: this is a bug; please report it.");
        }
        if (report.RejectsByReason.Count > 0)
        {
            text.AppendLine("Rejected rows by reason:");
            foreach (var (reason, count) in report.RejectsByReason.OrderByDescending(p => p.Value))
            {
                text.AppendLine(culture, $"  {reason, -20} {count, 12:N0}");
            }
        }
        AppendNonZero(
            text,
            "Missing values (accepted rows, left for imputation):",
            report.MissingByColumn
        );
        AppendNonZero(
            text,
            "Unknown categories mapped to \"Other\":",
            report.UnknownCategoriesMapped
        );
        foreach (var warning in report.Warnings)
        {
            text.AppendLine(culture, $"warning: {warning}");
        }
        if (rejectsPath is not null)
        {
            text.AppendLine(culture, $"Rejects file: {rejectsPath}");
        }
        return text.ToString().TrimEnd();
    }

    private static void AppendNonZero(
        StringBuilder text,
        string title,
        IReadOnlyDictionary<string, long> counts
    )
    {
        var nonZero = counts.Where(p => p.Value > 0).ToList();
        if (nonZero.Count == 0)
        {
            return;
        }
        text.AppendLine(title);
        foreach (var (column, count) in nonZero)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {column, -24} {count, 12:N0}");
        }
    }
}
