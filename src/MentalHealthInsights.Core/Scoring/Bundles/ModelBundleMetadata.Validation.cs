using System.Globalization;
using MentalHealthInsights.Core.Features;

namespace MentalHealthInsights.Core.Scoring.Bundles;

public sealed partial record ModelBundleMetadata
{
    /// <summary>Longest accepted model name, trainer name, display name or format.</summary>
    public const int MaxNameLength = 256;

    /// <summary>
    /// Every problem with this metadata, one sentence each naming the field (camelCase, as in
    /// metadata.json); empty when valid. The feature list and target are checked with
    /// <see cref="FeatureSpec.FindProblems"/>, so the rules are those of training.
    /// </summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        if (BundleSchemaVersion != CurrentSchemaVersion)
        {
            problems.Add(
                $"bundleSchemaVersion is {Text(BundleSchemaVersion)}; this version reads bundleSchemaVersion {Text(CurrentSchemaVersion)} only."
            );
        }

        CheckName(problems, "modelName", ModelName);
        CheckName(problems, "trainerName", TrainerName);
        CheckName(problems, "displayName", DisplayName);
        CheckName(problems, "modelFormat", ModelFormat);
        CheckFeatures(problems);

        if (!(Threshold >= 0 && Threshold <= 1))
        {
            problems.Add("threshold must be a number within [0, 1].");
        }

        if (string.IsNullOrWhiteSpace(ThresholdStrategy))
        {
            problems.Add("thresholdStrategy is missing or blank.");
        }

        if (Calibration is { } method && !Enum.IsDefined(method))
        {
            problems.Add("calibration is not a known calibration method.");
        }

        CheckMetrics(problems);
        CheckCvMetrics(problems);

        if (!IsLowerHex(DataSha256, 64, 64))
        {
            problems.Add("dataSha256 must be 64 lowercase hexadecimal digits.");
        }

        CheckMap(problems, "hyperParameters", HyperParameters, allowBlankValues: true);
        CheckMap(problems, "libraryVersions", LibraryVersions, allowBlankValues: false);

        if (GitCommit is not null && !IsGitCommit(GitCommit))
        {
            problems.Add(
                "gitCommit must be null or 7–64 lowercase hexadecimal digits, optionally followed by '-dirty'."
            );
        }

        if (CreatedAtUtc.Offset != TimeSpan.Zero)
        {
            problems.Add("createdAtUtc must be in UTC (offset zero).");
        }
        else if (CreatedAtUtc == default)
        {
            problems.Add("createdAtUtc is not set.");
        }

        if (string.IsNullOrWhiteSpace(PromotableReason))
        {
            problems.Add(
                "promotableReason is missing or blank; say why the model is or is not promotable."
            );
        }

        if (Warnings is null)
        {
            problems.Add("warnings is missing (use an empty list).");
        }
        else if (Warnings.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("warnings contains a null or blank entry.");
        }

        return problems;
    }

    /// <summary>Throws when <see cref="FindProblems"/> reports anything.</summary>
    /// <exception cref="ArgumentException">The metadata is invalid; the message lists every problem.</exception>
    public void Validate()
    {
        var problems = FindProblems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "Invalid model bundle metadata: " + string.Join(" ", problems)
            );
        }
    }

    private static void CheckName(List<string> problems, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{field} is missing or blank.");
        }
        else if (value.Length > MaxNameLength)
        {
            problems.Add($"{field} is longer than {Text(MaxNameLength)} characters.");
        }
        else if (value.Any(char.IsControl))
        {
            problems.Add($"{field} contains a control character.");
        }
    }

    private void CheckFeatures(List<string> problems)
    {
        if (Features is null)
        {
            problems.Add("features is missing.");
            return;
        }

        if (Target is null)
        {
            problems.Add("target is missing.");
            return;
        }

        var spec = new FeatureSpec { Features = Features, Target = Target };
        problems.AddRange(spec.FindProblems().Select(p => "features/target: " + p));
    }

    private void CheckMetrics(List<string> problems)
    {
        if (Metrics is null)
        {
            problems.Add("metrics is missing (use an empty map).");
            return;
        }

        foreach (var (name, interval) in Metrics)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add("metrics has a blank metric name.");
                continue;
            }

            if (
                IsInfinite(interval.Estimate)
                || IsInfinite(interval.Lower)
                || IsInfinite(interval.Upper)
            )
            {
                problems.Add($"metrics.{name} has an infinite value (use NaN for undefined).");
            }
            else if (interval.Lower > interval.Upper)
            {
                problems.Add($"metrics.{name}: lower is greater than upper.");
            }
        }
    }

    private void CheckCvMetrics(List<string> problems)
    {
        if (CvMetrics is null)
        {
            problems.Add("cvMetrics is missing (use an empty map).");
            return;
        }

        foreach (var (name, summary) in CvMetrics)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                problems.Add("cvMetrics has a blank metric name.");
                continue;
            }

            if (IsInfinite(summary.Mean) || IsInfinite(summary.StandardDeviation))
            {
                problems.Add($"cvMetrics.{name} has an infinite value (use NaN for undefined).");
            }
            else if (summary.StandardDeviation < 0)
            {
                problems.Add($"cvMetrics.{name}: the standard deviation is negative.");
            }

            if (summary.Count < 0)
            {
                problems.Add($"cvMetrics.{name}: the fold count is negative.");
            }
        }
    }

    private static void CheckMap(
        List<string> problems,
        string field,
        IReadOnlyDictionary<string, string>? map,
        bool allowBlankValues
    )
    {
        if (map is null)
        {
            problems.Add($"{field} is missing (use an empty map).");
            return;
        }

        foreach (var (key, value) in map)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                problems.Add($"{field} has a blank name.");
            }
            else if (value is null || (!allowBlankValues && string.IsNullOrWhiteSpace(value)))
            {
                problems.Add($"{field}.{key} has no value.");
            }
        }
    }

    private static bool IsInfinite(double value) => double.IsInfinity(value);

    private static bool IsGitCommit(string value)
    {
        const string dirty = "-dirty";
        var hex = value.EndsWith(dirty, StringComparison.Ordinal) ? value[..^dirty.Length] : value;
        return IsLowerHex(hex, 7, 64);
    }

    private static bool IsLowerHex(string? value, int minLength, int maxLength) =>
        value is not null
        && value.Length >= minLength
        && value.Length <= maxLength
        && value.All(c => char.IsAsciiDigit(c) || (c >= 'a' && c <= 'f'));

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
