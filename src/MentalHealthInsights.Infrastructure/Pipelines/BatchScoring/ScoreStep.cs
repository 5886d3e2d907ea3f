using System.Globalization;
using System.Text;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Pipelines.Training;
using MentalHealthInsights.Infrastructure.Scoring.Batch;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;

namespace MentalHealthInsights.Infrastructure.Pipelines.BatchScoring;

/// <summary>
/// <c>score</c>: loads the resolved bundle and runs <see cref="BatchScoringJob"/> on
/// <c>input</c>, which writes the output and rejects files (via <c>.partial</c> files renamed at
/// the end). Outputs the paths and the counts, which always reconcile
/// (read = scored + rejected). An unusable input fails the run (not retried); rows that fail
/// validation go to the rejects file and never stop it.
/// </summary>
/// <param name="time">The clock for the rows' timestamp.</param>
internal sealed class ScoreStep(TimeProvider time) : PipelineStep
{
    public override string Name => "score";

    public override IReadOnlyList<string> Inputs =>
        [
            "bundle",
            "model_name",
            "model_version",
            "input",
            "out",
            "output",
            "rejects",
            "raw-ids",
            "threads",
        ];

    public override IReadOnlyList<string> Outputs =>
        [
            "output_csv",
            "rejects_csv",
            "rows_read",
            "rows_scored",
            "rows_rejected",
            "positive_labels",
        ];

    public override Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    )
    {
        var rawIds = BatchScoringPipeline.RawIds.Read(context);
        var output = context.Input("output");
        var rejects = context.Input("rejects");
        var options = new BatchScoringOptions
        {
            Input = context.Input("input"),
            Output =
                output.Length > 0
                    ? Path.GetFullPath(output)
                    : Path.Combine(
                        StepParameters.FullPath(context, "out"),
                        "batch",
                        context.RunId,
                        "predictions.csv"
                    ),
            Rejects = rejects.Length > 0 ? Path.GetFullPath(rejects) : null,
            RawIds = rawIds,
            PseudonymisationKey = rawIds ? null : ReadKey(),
            Parallelism = BatchScoringPipeline.Threads.Read(context),
        };
        return Task.Run(() => Score(context, options, cancellationToken), cancellationToken);
    }

    private StepOutcome Score(
        PipelineStepContext context,
        BatchScoringOptions options,
        CancellationToken cancellationToken
    )
    {
        BatchScoringResult result;
        try
        {
            using var bundle = ModelBundleReader.Load(context.Input("bundle"));
            var identity = new BatchModelIdentity(
                context.Input("model_name"),
                context.Input("model_version"),
                bundle.Sha256,
                bundle.Metadata.Threshold
            );
            Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
            result = new BatchScoringJob(
                new Predictor(bundle.Preprocessor, bundle.Model, bundle.Metadata.Threshold),
                identity,
                time
            ).Run(options, null, cancellationToken);
        }
        catch (Exception ex)
            when (ex
                    is ArgumentException
                        or InvalidOperationException
                        or InvalidDataException
                        or ModelBundleException
            )
        {
            throw PipelineStepException.From(ex);
        }
        if (result.FatalError is { } fatal)
        {
            throw new PipelineStepException($"the input cannot be scored: {fatal}");
        }
        var c = CultureInfo.InvariantCulture;
        return new StepOutcome(
            StepParameters.Values(
                ("output_csv", result.OutputPath),
                ("rejects_csv", result.RejectsPath),
                ("rows_read", result.RowsRead.ToString(c)),
                ("rows_scored", result.RowsScored.ToString(c)),
                ("rows_rejected", result.RowsRejected.ToString(c)),
                ("positive_labels", result.PositiveLabels.ToString(c))
            ),
            [new PipelineLink("output", result.OutputPath), new("rejects", result.RejectsPath)],
            string.Create(
                c,
                $"read {result.RowsRead} = scored {result.RowsScored} + rejected {result.RowsRejected}; label 1: {result.PositiveLabels} (a screening aid, not a diagnosis)"
            )
        );
    }

    private static byte[] ReadKey()
    {
        var text = Environment.GetEnvironmentVariable(BatchScoringPipeline.KeyVariable);
        var key = string.IsNullOrEmpty(text) ? [] : Encoding.UTF8.GetBytes(text);
        return key.Length >= 16
            ? key
            : throw new PipelineStepException(
                $"set {BatchScoringPipeline.KeyVariable} to a secret of at least 16 bytes so that User_IDs are pseudonymised, or pass --param raw-ids=true."
            );
    }
}
