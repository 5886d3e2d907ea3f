using System.Globalization;

namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// MLflow's client- and server-side validation rules, written once for every adapter (DESIGN
/// §5.8). Each check throws <see cref="TrackingException"/> with
/// <see cref="TrackingErrorCode.InvalidParameterValue"/>. Unlike an MLflow server, over-long
/// values are rejected, not silently truncated, so nothing is lost without the caller knowing.
/// </summary>
public static class TrackingValidation
{
    /// <summary>Checks a metric, param or tag key: non-empty, ≤ 250 characters, letters, digits, <c>_ - . / :</c> and spaces, and no empty, <c>.</c> or <c>..</c> path segment.</summary>
    public static void ValidateKey(string? key, string kind)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw TrackingException.InvalidParameter($"{kind} key must not be empty.");
        }
        ValidateLength(key, TrackingLimits.MaxKeyLength, $"{kind} key");
        foreach (var c in key)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or '/' or ':'))
            {
                throw TrackingException.InvalidParameter(
                    $"Invalid {kind} key '{key}': names may only contain letters, digits, "
                        + "underscores (_), dashes (-), periods (.), spaces ( ), colons (:) and slashes (/)."
                );
            }
        }
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                throw TrackingException.InvalidParameter(
                    $"Invalid {kind} key '{key}': names may be treated as file paths and must not "
                        + "contain empty, '.' or '..' segments or start or end with '/'."
                );
            }
        }
    }

    /// <summary>Checks one metric (key rules; any double value, NaN included).</summary>
    public static void ValidateMetric(Metric? metric)
    {
        if (metric is null)
        {
            throw TrackingException.InvalidParameter("A metric must not be null.");
        }
        ValidateKey(metric.Key, "Metric");
    }

    /// <summary>Checks one param (key rules; value present and ≤ 6000 characters).</summary>
    public static void ValidateParam(Param? param)
    {
        if (param is null)
        {
            throw TrackingException.InvalidParameter("A param must not be null.");
        }
        ValidateKey(param.Key, "Param");
        ValidateValue(param.Value, TrackingLimits.MaxParamValueLength, $"Param '{param.Key}'");
    }

    /// <summary>Checks one run tag (key rules; value present and ≤ 8000 characters).</summary>
    public static void ValidateTag(RunTag? tag)
    {
        if (tag is null)
        {
            throw TrackingException.InvalidParameter("A tag must not be null.");
        }
        ValidateKey(tag.Key, "Tag");
        ValidateValue(tag.Value, TrackingLimits.MaxRunTagValueLength, $"Tag '{tag.Key}'");
    }

    /// <summary>
    /// Checks a log-batch request: the per-call counts (1000 metrics, 100 params, 100 tags,
    /// 1000 entities), each entity, and that no param key appears twice.
    /// </summary>
    public static void ValidateBatch(
        IReadOnlyList<Metric>? metrics,
        IReadOnlyList<Param>? parameters,
        IReadOnlyList<RunTag>? tags
    )
    {
        var metricCount = metrics?.Count ?? 0;
        var paramCount = parameters?.Count ?? 0;
        var tagCount = tags?.Count ?? 0;
        CheckCount(metricCount, TrackingLimits.MaxMetricsPerBatch, "metrics");
        CheckCount(paramCount, TrackingLimits.MaxParamsPerBatch, "params");
        CheckCount(tagCount, TrackingLimits.MaxTagsPerBatch, "tags");
        CheckCount(
            metricCount + paramCount + tagCount,
            TrackingLimits.MaxEntitiesPerBatch,
            "total entities"
        );
        foreach (var metric in metrics ?? [])
        {
            ValidateMetric(metric);
        }
        if (parameters is { Count: > 0 })
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var param in parameters)
            {
                ValidateParam(param);
                if (!seen.Add(param.Key))
                {
                    throw TrackingException.InvalidParameter(
                        $"Duplicate parameter keys have been submitted: ['{param.Key}']. "
                            + "Please ensure the request contains only one param value per param key."
                    );
                }
            }
        }
        foreach (var tag in tags ?? [])
        {
            ValidateTag(tag);
        }
    }

    /// <summary>Checks an experiment name: non-empty, ≤ 500 characters.</summary>
    public static void ValidateExperimentName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw TrackingException.InvalidParameter("Experiment name must not be empty.");
        }
        ValidateLength(name, TrackingLimits.MaxExperimentNameLength, "Experiment name");
    }

    /// <summary>Checks experiment tags: key rules, values ≤ 5000 characters.</summary>
    public static void ValidateExperimentTags(IReadOnlyDictionary<string, string>? tags)
    {
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            ValidateKey(key, "Experiment tag");
            ValidateValue(
                value,
                TrackingLimits.MaxExperimentTagValueLength,
                $"Experiment tag '{key}'"
            );
        }
    }

    /// <summary>Throws when <paramref name="value"/> is null or longer than <paramref name="maxLength"/>.</summary>
    public static void ValidateValue(string? value, int maxLength, string what)
    {
        if (value is null)
        {
            throw TrackingException.InvalidParameter($"{what} value must not be null.");
        }
        ValidateLength(value, maxLength, $"{what} value");
    }

    private static void ValidateLength(string text, int maxLength, string what)
    {
        if (text.Length > maxLength)
        {
            throw TrackingException.InvalidParameter(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{what} has length {text.Length}, which exceeds the limit of {maxLength}."
                )
            );
        }
    }

    private static void CheckCount(int count, int limit, string what)
    {
        if (count > limit)
        {
            throw TrackingException.InvalidParameter(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"A batch logging request can contain at most {limit} {what}. Got {count} {what}. Split the batch (TrackingService does it for you)."
                )
            );
        }
    }
}
