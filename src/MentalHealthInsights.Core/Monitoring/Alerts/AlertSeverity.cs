namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>How urgent an alert is, in increasing order (configuration spells them in lower case).</summary>
public enum AlertSeverity
{
    /// <summary>Worth a look; no action expected.</summary>
    Info = 0,

    /// <summary>Something changed; a person should check the report.</summary>
    Warning = 1,

    /// <summary>The model's screening quality or fairness is at risk; act (retraining may start).</summary>
    Critical = 2,
}
