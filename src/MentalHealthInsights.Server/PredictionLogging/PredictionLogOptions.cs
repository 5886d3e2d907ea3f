using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.Server.PredictionLogging;

/// <summary>
/// The prediction log (configuration section <c>PredictionLog</c>; the key may also come from
/// the environment variable <see cref="KeyVariable"/>, which batch scoring reads too).
/// </summary>
internal sealed record PredictionLogOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "PredictionLog";

    /// <summary>The environment variable holding the pseudonymisation key (UTF-8, at least 16 bytes).</summary>
    public const string KeyVariable = "MHI_PSEUDONYMISATION_KEY";

    /// <summary>The longest <see cref="FlushInterval"/>: labels attach only to entries already written.</summary>
    public static readonly TimeSpan MaxFlushInterval = TimeSpan.FromSeconds(10);

    /// <summary>Log every prediction. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>sqlite:///PATH, Data Source=PATH or a path. Default predictions.db in the working directory.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>The key of the keyed hash of User_ID; required when <see cref="Enabled"/>.</summary>
    public string? PseudonymisationKey { get; init; }

    /// <summary>Entries waiting to be written; when full, new entries are dropped and counted. Default 10,000.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary>Most entries per write transaction. Default 500.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// How long the writer waits after a write of fewer than <see cref="BatchSize"/> entries,
    /// so that entries gather into larger transactions (a transaction costs about as much as
    /// ten rows). Full batches are written back to back; stopping the server ends the wait and
    /// drains the queue. An entry reaches the log at most about this long after its request.
    /// Default 10 ms (measured against 50 ms: lower p99, docs/serving.md); 0 writes whatever is
    /// queued at once; at most 10 s.
    /// </summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The first problem with these options, or null when they are usable.</summary>
    public string? FindProblem()
    {
        if (!Enabled)
        {
            return null;
        }
        if (!SubjectPseudonymiser.IsUsableKey(PseudonymisationKey))
        {
            return $"The prediction log is on but no pseudonymisation key of at least 16 bytes (not only spaces) is "
                + $"configured: set {KeyVariable} (or PredictionLog:PseudonymisationKey), or turn "
                + "the log off with PredictionLog:Enabled=false.";
        }
        return QueueCapacity < 1 ? "PredictionLog:QueueCapacity must be at least 1."
            : BatchSize < 1 ? "PredictionLog:BatchSize must be at least 1."
            : FlushInterval < TimeSpan.Zero || FlushInterval > MaxFlushInterval
                ? "PredictionLog:FlushInterval must be between 00:00:00 and 00:00:10."
            : null;
    }
}
