namespace MentalHealthInsights.Core.Tracking;

/// <summary>The system tags MLflow sets and its UI reads (<c>mlflow/utils/mlflow_tags.py</c>).</summary>
public static class MlflowTagKeys
{
    /// <summary>The id of the parent run of a nested run.</summary>
    public const string ParentRunId = "mlflow.parentRunId";

    /// <summary>The run's name (kept equal to <see cref="RunInfo.RunName"/>).</summary>
    public const string RunName = "mlflow.runName";

    /// <summary>The user who started the run.</summary>
    public const string User = "mlflow.user";

    /// <summary>The program that started the run (e.g. <c>mhi train</c>).</summary>
    public const string SourceName = "mlflow.source.name";

    /// <summary>The kind of source: <c>LOCAL</c>, <c>JOB</c>, <c>PROJECT</c>, …</summary>
    public const string SourceType = "mlflow.source.type";

    /// <summary>The git commit of the source.</summary>
    public const string GitCommit = "mlflow.source.git.commit";

    /// <summary>A Markdown note shown as the run's description in the UI.</summary>
    public const string Note = "mlflow.note.content";
}
