using System.Globalization;
using System.Text;
using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

/// <summary>
/// Key metrics as one step-output string, <c>name=value;name=value</c> with round-trip invariant
/// numbers (metric names contain neither '=' nor ';'). NaN values are left out, as the
/// monitoring store stores them as absent.
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

    public static Dictionary<string, double> Parse(string text)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (
                equals <= 0
                || !double.TryParse(
                    pair.AsSpan(equals + 1),
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var value
                )
            )
            {
                throw new PipelineStepException("the key metrics output is malformed.");
            }
            metrics[pair[..equals]] = value;
        }
        return metrics;
    }
}
