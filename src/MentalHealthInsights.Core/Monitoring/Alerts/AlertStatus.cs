namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>What happened to a breach.</summary>
public enum AlertStatus
{
    /// <summary>The breach was announced (log line, webhook when configured) and may start retraining.</summary>
    Fired,

    /// <summary>The breach was recorded but not announced: the same breach alerted recently (de-duplicated).</summary>
    Suppressed,
}
