using System.Globalization;
using System.Text;

namespace MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

/// <summary>
/// Key metrics as one step-output string for display (<c>mhi pipeline show</c>),
/// <c>name=value;name=value</c> with round-trip invariant numbers. NaN values are left out, as
/// the monitoring store stores them as absent. The alert step reads the snapshot file, not this.
/// </summary>
internal static class KeyMetricsText
{
    public static string Format(IReadOnlyDictionary<string, double> metrics)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (double.IsNaN(value))
            {
                continue;
            }
            if (text.Length > 0)
            {
                text.Append(';');
            }
            text.Append(name).Append('=').Append(value.ToString("R", CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
