namespace MentalHealthInsights.Core.Pipelines;

/// <summary>What started a pipeline run.</summary>
public enum PipelineTrigger
{
    /// <summary>A person (<c>mhi pipeline run</c>).</summary>
    Manual,

    /// <summary>A cron schedule fired in a worker.</summary>
    Schedule,

    /// <summary>A monitoring alert asked for it (e.g. retraining on drift).</summary>
    Alert,
}
