using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Infrastructure.Pipelines.Training;

/// <summary>
/// <c>validate</c>: reads the dataset through <see cref="DatasetLoader"/> with the default rules,
/// writes <c>OUT/validate/validation.json</c> and <c>rejects.csv</c>. An unreadable file or no
/// valid rows fails the run (not retried). Cached on the data hash.
/// </summary>
internal sealed class ValidateStep : PipelineStep
{
    public override string Name => "validate";

    public override IReadOnlyList<string> Inputs => ["dataset", "data_sha256", "out"];

    public override IReadOnlyList<string> Outputs =>
        ["validation_json", "rejects_csv", "rows_accepted", "rows_rejected"];

    public override ValueTask<string?> FingerprintAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult<string?>("default-rules");

    public override ValueTask<bool> CanReuseAsync(
        IReadOnlyDictionary<string, string> cachedOutputs,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult(StepParameters.FilesExist(cachedOutputs, "validation_json"));

    public override Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    ) =>
        Task.Run(
            () =>
            {
                var folder = Path.Combine(StepParameters.FullPath(context, "out"), "validate");
                Directory.CreateDirectory(folder);
                var rejects = Path.Combine(folder, "rejects.csv");
                var loaded = DatasetLoader.Load(
                    context.Input("dataset"),
                    ValidationOptions.Default,
                    rejects,
                    null,
                    cancellationToken
                );
                if (!loaded.Report.IsReadable)
                {
                    throw new PipelineStepException(
                        loaded.Report.FatalError ?? "unreadable input."
                    );
                }
                if (loaded.Records.Count == 0)
                {
                    throw new PipelineStepException(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"no valid rows ({loaded.Report.RowsRejected} rejected; see {rejects})."
                        )
                    );
                }
                var json = Path.Combine(folder, "validation.json");
                File.WriteAllText(json, ValidationReportJson.Serialize(loaded.Report));
                var report = loaded.Report;
                return new StepOutcome(
                    StepParameters.Values(
                        ("validation_json", json),
                        ("rejects_csv", rejects),
                        (
                            "rows_accepted",
                            report.RowsAccepted.ToString(CultureInfo.InvariantCulture)
                        ),
                        (
                            "rows_rejected",
                            report.RowsRejected.ToString(CultureInfo.InvariantCulture)
                        )
                    ),
                    [new PipelineLink("report", json)],
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{report.RowsAccepted} rows accepted, {report.RowsRejected} rejected"
                    )
                );
            },
            cancellationToken
        );
}
