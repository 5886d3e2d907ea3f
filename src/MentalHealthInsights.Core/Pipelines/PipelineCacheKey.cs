using System.Security.Cryptography;
using System.Text;

namespace MentalHealthInsights.Core.Pipelines;

/// <summary>
/// The cache key of a step result: SHA-256 over pipeline, step, step version, the step's
/// fingerprint and its input values (sorted by name). Same key ⇔ same work.
/// </summary>
public static class PipelineCacheKey
{
    /// <summary>The key as 64 lowercase hex digits.</summary>
    public static string Compute(
        string pipeline,
        string step,
        string stepVersion,
        string fingerprint,
        IReadOnlyDictionary<string, string> inputs
    )
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var text = new StringBuilder();
        // Length-prefixed fields: no two different field lists produce the same text.
        void Add(string value) =>
            text.Append(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(':')
                .Append(value);
        Add(pipeline);
        Add(step);
        Add(stepVersion);
        Add(fingerprint);
        foreach (var pair in inputs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add(pair.Key);
            Add(pair.Value);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
