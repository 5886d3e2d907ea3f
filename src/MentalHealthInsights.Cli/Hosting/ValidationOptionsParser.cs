using System.Globalization;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Cli.Hosting;

/// <summary>
/// Turns <c>--range Column=min:max</c> values into <see cref="ValidationOptions"/>, so the
/// documented ranges can be changed without code.
/// </summary>
internal static class ValidationOptionsParser
{
    private static readonly string[] Columns =
    [
        DatasetSchema.Age,
        DatasetSchema.SleepHours,
        DatasetSchema.WorkHours,
        DatasetSchema.PhysicalActivityHours,
    ];

    /// <summary>Parses the overrides; returns an error message instead of throwing.</summary>
    public static ValidationOptions Parse(IEnumerable<string> ranges, out string? error)
    {
        var options = ValidationOptions.Default;
        error = null;
        foreach (var text in ranges)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (
                equals <= 0
                || colon < equals
                || !TryNumber(text[(equals + 1)..colon], out var min)
                || !TryNumber(text[(colon + 1)..], out var max)
                || min > max
            )
            {
                error =
                    $"--range '{text}' must look like Column=min:max with min <= max, e.g. Age=18:65.";
                return options;
            }
            var column = Columns.FirstOrDefault(c =>
                string.Equals(c, text[..equals].Trim(), StringComparison.OrdinalIgnoreCase)
            );
            var range = new NumericRange(min, max);
            options = column switch
            {
                DatasetSchema.Age => options with { Age = range },
                DatasetSchema.SleepHours => options with { SleepHours = range },
                DatasetSchema.WorkHours => options with { WorkHours = range },
                DatasetSchema.PhysicalActivityHours => options with
                {
                    PhysicalActivityHours = range,
                },
                _ => options,
            };
            if (column is null)
            {
                error =
                    $"--range names an unknown numeric column; use one of {string.Join(", ", Columns)}.";
                return options;
            }
        }
        return options;
    }

    // ±Infinity (and overflows such as 1e400) are accepted: an infinite bound means unbounded
    // (docs/data-validation.md); NaN is refused.
    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && !double.IsNaN(value);
}
