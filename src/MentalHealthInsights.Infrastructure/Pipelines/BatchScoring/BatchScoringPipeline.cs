using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines.BatchScoring;

/// <summary>
/// The <c>batch-scoring</c> pipeline: resolve the model (the champion by default) → score the
/// input with <see cref="Scoring.Batch.BatchScoringJob"/>, which writes the output and rejects
/// files. Neither step is cached: the champion can change between runs without any input
/// changing. The output describes people's mental health: a screening aid, not a diagnosis.
/// </summary>
public sealed class BatchScoringPipeline : IPipelineFactory
{
    /// <summary>The name: <c>batch-scoring</c>.</summary>
    public const string PipelineName = "batch-scoring";

    /// <summary>The environment variable holding the pseudonymisation key (as <c>mhi batch</c>).</summary>
    public const string KeyVariable = "MHI_PSEUDONYMISATION_KEY";

    /// <inheritdoc />
    public string Name => PipelineName;

    internal static readonly PipelineParameterKind<string> Input = PipelineParameterKind.Required(
        "input",
        null,
        "CSV file, or a folder whose *.csv files are scored in name order"
    );
    internal static readonly PipelineParameterKind<bool> RawIds = PipelineParameterKind.Flag(
        "raw-ids",
        "false",
        "true writes User_ID as given; false pseudonymises it with " + KeyVariable
    );
    internal static readonly PipelineParameterKind<int> Threads = PipelineParameterKind.Int(
        "threads",
        "1",
        "Scoring threads",
        1
    );

    /// <summary>The parameters with their defaults and checks; <c>input</c> is required.</summary>
    public static IReadOnlyList<PipelineParameter> Parameters { get; } =
    [
        Input.Declaration,
        new(
            "model",
            "models:/mental-health-classifier@champion",
            "models:/NAME@ALIAS, models:/NAME/VERSION or a bundle path"
        ),
        new("out", "out", "Output folder: batch/RUN_ID/ (model copy, predictions, rejects)"),
        new("output", "", "Output CSV; empty: OUT/batch/RUN_ID/predictions.csv"),
        new("rejects", "", "Rejects CSV; empty: the output with .rejects.csv"),
        RawIds.Declaration,
        Threads.Declaration,
        new(
            "tracking-uri",
            "",
            "Registry holding the model; empty uses MLFLOW_TRACKING_URI, else OUT/mlruns.db"
        ),
    ];

    /// <inheritdoc />
    public PipelineDefinition Create(TimeProvider time) =>
        new(
            PipelineName,
            "resolve the champion → score the input → write output and rejects",
            Parameters,
            [new ResolveModelStep(time), new ScoreStep(time)]
        );
}
