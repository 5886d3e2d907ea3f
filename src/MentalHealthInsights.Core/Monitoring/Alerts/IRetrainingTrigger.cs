namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>
/// Starts training on the newest labelled data after an alert. Contract: the new model goes
/// through the normal promotion gate; an implementation never forces promotion. Failures are
/// reported in the outcome, not thrown.
/// </summary>
public interface IRetrainingTrigger
{
    /// <summary>Trains (or queues training) for <paramref name="request"/>.</summary>
    Task<RetrainingOutcome> TriggerAsync(
        RetrainingRequest request,
        CancellationToken cancellationToken
    );
}
