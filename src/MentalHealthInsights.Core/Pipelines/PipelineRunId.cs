using System.Security.Cryptography;
using System.Text;

namespace MentalHealthInsights.Core.Pipelines;

/// <summary>
/// Run ids derived from text (a firing, a monitoring run): the same text always gives the same
/// id, so a firing executed twice, or a retraining requested twice, collides on the run store's
/// key (or replaces the queued trigger) instead of running twice.
/// </summary>
public static class PipelineRunId
{
    /// <summary>The first 32 lower-case hex digits of the SHA-256 of <paramref name="text"/> (UTF-8).</summary>
    public static string Derive(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
