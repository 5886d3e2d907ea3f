namespace MentalHealthInsights.Core.Tracking;

/// <summary>Run ids as MLflow makes them: 32 lowercase hexadecimal characters (<c>uuid4().hex</c>).</summary>
public static class RunIds
{
    /// <summary>A new random run id.</summary>
    public static string NewRunId() => Guid.NewGuid().ToString("N");

    /// <summary>True when <paramref name="runId"/> is 32 lowercase hexadecimal characters.</summary>
    public static bool IsWellFormed(string? runId) =>
        runId is { Length: 32 } && runId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
