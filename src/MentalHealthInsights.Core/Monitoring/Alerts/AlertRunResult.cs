namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>What <see cref="AlertService.ProcessAsync"/> did with one monitoring run.</summary>
/// <param name="Snapshot">The run (stored first, whatever happened next).</param>
/// <param name="AlreadyProcessed">True when the store already had this run: nothing was evaluated or sent again.</param>
/// <param name="Outcomes">Every rule's outcome.</param>
/// <param name="Alerts">Alerts recorded (fired and suppressed).</param>
/// <param name="Deliveries">Delivery results of the fired alerts, one per channel.</param>
/// <param name="Retraining">The retraining request's outcome; null when none was made.</param>
public sealed record AlertRunResult(
    MonitoringSnapshot Snapshot,
    bool AlreadyProcessed,
    IReadOnlyList<AlertRuleOutcome> Outcomes,
    IReadOnlyList<AlertRecord> Alerts,
    IReadOnlyList<AlertDeliveryResult> Deliveries,
    RetrainingOutcome? Retraining
)
{
    /// <summary>The alerts that were announced.</summary>
    public IEnumerable<AlertRecord> Fired => Alerts.Where(a => a.Status == AlertStatus.Fired);
}
