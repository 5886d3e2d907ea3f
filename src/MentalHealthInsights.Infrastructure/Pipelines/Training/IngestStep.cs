using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Hashing;

namespace MentalHealthInsights.Infrastructure.Pipelines.Training;

/// <summary>
/// <c>ingest</c>: takes the dataset named by <c>input</c>, or — when <c>input</c> is empty —
/// generates the synthetic dataset (<c>rows</c>, <c>seed</c>, <c>signal</c>) into
/// <c>OUT/data/mental_health.csv</c>. Outputs the path and its SHA-256. Cached on the file's
/// hash (a given file) or the generator settings (synthetic data).
/// </summary>
internal sealed class IngestStep : PipelineStep
{
    public override string Name => "ingest";

    public override IReadOnlyList<string> Inputs => ["input", "rows", "seed", "signal", "out"];

    public override IReadOnlyList<string> Outputs => ["dataset", "data_sha256"];

    public override async ValueTask<string?> FingerprintAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    )
    {
        var input = context.Input("input");
        if (input.Length == 0)
        {
            var options = Options(context);
            return $"synthetic:{options.Rows}:{options.Seed}:{options.Signal}";
        }
        var path = Path.GetFullPath(input);
        if (!File.Exists(path))
        {
            throw new PipelineStepException($"the input file does not exist: {path}");
        }
        return "file:" + await Task.Run(() => FileHash.Sha256(path), cancellationToken);
    }

    public override ValueTask<bool> CanReuseAsync(
        IReadOnlyDictionary<string, string> cachedOutputs,
        CancellationToken cancellationToken
    ) =>
        ValueTask.FromResult(
            StepParameters.FilesExist(cachedOutputs, "dataset")
                && FileHash.Sha256(cachedOutputs["dataset"]) == cachedOutputs["data_sha256"]
        );

    public override Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    ) =>
        Task.Run(
            () =>
            {
                var input = context.Input("input");
                string path;
                string message;
                if (input.Length == 0)
                {
                    var options = Options(context);
                    path = Path.Combine(
                        StepParameters.FullPath(context, "out"),
                        "data",
                        "mental_health.csv"
                    );
                    var rows = CsvDatasetWriter.WriteFile(
                        SyntheticDataGenerator.Generate(options),
                        path,
                        options.Rows,
                        null,
                        cancellationToken
                    );
                    message = FormattableString.Invariant(
                        $"generated {rows} synthetic rows (seed {options.Seed})"
                    );
                }
                else
                {
                    path = Path.GetFullPath(input);
                    if (!File.Exists(path))
                    {
                        throw new PipelineStepException($"the input file does not exist: {path}");
                    }
                    message = "using the given file";
                }
                return new StepOutcome(
                    StepParameters.Values(
                        ("dataset", path),
                        ("data_sha256", FileHash.Sha256(path))
                    ),
                    [],
                    message
                );
            },
            cancellationToken
        );

    private static SyntheticDataOptions Options(PipelineStepContext context) =>
        new()
        {
            Rows = TrainingPipeline.Rows.Read(context),
            Seed = TrainingPipeline.Seed.Read(context),
            Signal = TrainingPipeline.Signal.Read(context),
        };
}
