using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>What one monitoring run reads and writes.</summary>
public sealed record MonitoringJobOptions
{
    /// <summary>The reference CSV (the model's training data): a path or <c>s3://bucket/key</c> (streamed).</summary>
    public required string ReferencePath { get; init; }

    /// <summary>The current CSV (a path or <c>s3://bucket/key</c>, streamed); null when the current data is a prediction-log window.</summary>
    public string? CurrentPath { get; init; }

    /// <summary>The prediction-log window (used when <see cref="CurrentPath"/> is null).</summary>
    public PredictionLogQuery? CurrentWindow { get; init; }

    /// <summary>Folder for monitoring-report.html, monitoring.json, rejects and the reference profile.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>
    /// Where the finished report files are uploaded (an <c>s3://bucket/prefix</c>), from
    /// <see cref="OutputDirectory"/>, which then serves as the local staging folder; null: the
    /// files stay in <see cref="OutputDirectory"/>. The result then names the uploaded URIs.
    /// </summary>
    public StorageLocation? PublishTo { get; init; }

    /// <summary>A saved reference profile (strict profile's fixed bins); null: built from the reference.</summary>
    public string? ReferenceProfilePath { get; init; }

    /// <summary>Analysis configuration.</summary>
    public MonitoringOptions Analysis { get; init; } = new();

    /// <summary>Validation rules for the CSV files (default <see cref="ValidationOptions.Default"/>).</summary>
    public ValidationOptions? Validation { get; init; }

    /// <summary>
    /// The window the run's snapshot and alerts are filed under (alert de-duplication orders
    /// runs by its end). Default: the prediction-log window when it has both ends, else the
    /// report's time as both start and end.
    /// </summary>
    public (DateTimeOffset Start, DateTimeOffset End)? SnapshotWindow { get; init; }

    /// <summary>The monitored model for the snapshot, e.g. "mental-health-classifier/3"; null when unknown.</summary>
    public string? Model { get; init; }

    /// <summary>Tracking experiment for the run (default "monitoring").</summary>
    public string Experiment { get; init; } = "monitoring";
}
