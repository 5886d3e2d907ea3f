using System.Globalization;

namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>
/// Parses a rule condition <c>METRIC OPERATOR NUMBER</c> (e.g. <c>f1_drop &gt; 0.05</c>,
/// <c>dataset_drift == 1</c>). Operators: <c>&gt; &gt;= &lt; &lt;= == !=</c>; spaces around the
/// operator are optional; the number uses the invariant culture (a dot for decimals).
/// </summary>
public static class AlertConditionParser
{
    // Two-character operators first, so ">=" is not read as ">" followed by "=1".
    private static readonly (string Symbol, AlertComparison Comparison)[] Operators =
    [
        (">=", AlertComparison.GreaterThanOrEqual),
        ("<=", AlertComparison.LessThanOrEqual),
        ("==", AlertComparison.Equal),
        ("!=", AlertComparison.NotEqual),
        (">", AlertComparison.GreaterThan),
        ("<", AlertComparison.LessThan),
    ];

    /// <summary>The operator's spelling.</summary>
    public static string Symbol(AlertComparison comparison) =>
        Array.Find(Operators, o => o.Comparison == comparison).Symbol ?? "?";

    /// <summary>
    /// Parses <paramref name="condition"/>; returns null and a sentence in <paramref name="error"/>
    /// when it is not a valid condition. The metric name is not checked here (see <see cref="AlertPolicy.Create"/>).
    /// </summary>
    public static (string Metric, AlertComparison Comparison, double Threshold)? TryParse(
        string? condition,
        out string? error
    )
    {
        error = null;
        if (string.IsNullOrWhiteSpace(condition))
        {
            error =
                "the condition is empty; write it as METRIC OPERATOR NUMBER, e.g. \"f1_drop > 0.05\".";
            return null;
        }

        foreach (var (symbol, comparison) in Operators)
        {
            var at = condition.IndexOf(symbol, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var metric = condition[..at].Trim();
            var number = condition[(at + symbol.Length)..].Trim();
            if (metric.Length == 0)
            {
                error = $"\"{condition}\" names no metric before '{symbol}'.";
                return null;
            }
            if (metric.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            {
                error =
                    $"\"{condition}\": the metric \"{metric}\" may hold only letters, digits and '_' (one operator per condition).";
                return null;
            }
            if (
                !double.TryParse(
                    number,
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var threshold
                ) || !double.IsFinite(threshold)
            )
            {
                error =
                    $"\"{condition}\": \"{number}\" after '{symbol}' is not a finite number (use a dot for decimals).";
                return null;
            }
            return (metric, comparison, threshold);
        }

        error =
            $"\"{condition}\" has no operator; use one of > >= < <= == !=, e.g. \"f1_drop > 0.05\".";
        return null;
    }
}
