namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>GET /v1/monitoring/alerts: the latest alerts, newest window first; <see cref="Note"/> explains an empty list.</summary>
internal sealed record MonitoringAlertsResponse(
    IReadOnlyList<MonitoringAlertItem> Alerts,
    string? Note
);
