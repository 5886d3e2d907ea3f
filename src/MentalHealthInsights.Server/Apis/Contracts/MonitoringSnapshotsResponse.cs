namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>
/// GET /v1/monitoring/snapshots: the monitoring runs, oldest window first (a trend reads left to
/// right). <see cref="Note"/> explains an empty list (no store yet, no runs yet).
/// </summary>
internal sealed record MonitoringSnapshotsResponse(
    IReadOnlyList<MonitoringSnapshotItem> Snapshots,
    string? Note
);
