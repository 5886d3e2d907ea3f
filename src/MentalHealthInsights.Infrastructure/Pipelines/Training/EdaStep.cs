using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Eda;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Hashing;
using MentalHealthInsights.Infrastructure.Reporting;

namespace MentalHealthInsights.Infrastructure.Pipelines.Training;

/// <summary>
/// <c>eda</c>: the exploratory analysis (<see cref="EdaAnalyzer"/>) written by
/// <see cref="EdaReportWriter"/> to <c>OUT/eda/</c>. Cached on the data hash.
/// </summary>
/// <param name="time">Report timestamps.</param>
internal sealed class EdaStep(TimeProvider time) : PipelineStep
{
    public override string Name => "eda";

    public override IReadOnlyList<string> Inputs => ["dataset", "data_sha256", "out"];

    public override IReadOnlyList<string> Outputs => ["eda_html", "eda_json"];

    public override ValueTask<string?> FingerprintAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult<string?>("default-rules");

    public override ValueTask<bool> CanReuseAsync(
        IReadOnlyDictionary<string, string> cachedOutputs,
        CancellationToken cancellationToken
    ) => ValueTask.FromResult(StepParameters.FilesExist(cachedOutputs, "eda_html", "eda_json"));

    public override Task<StepOutcome> ExecuteAsync(
        PipelineStepContext context,
        CancellationToken cancellationToken
    ) =>
        Task.Run(
            () =>
            {
                var folder = Path.Combine(StepParameters.FullPath(context, "out"), "eda");
                Directory.CreateDirectory(folder);
                var dataset = context.Input("dataset");
                var loaded = DatasetLoader.Load(
                    dataset,
                    ValidationOptions.Default,
                    Path.Combine(folder, "rejects.csv"),
                    null,
                    cancellationToken
                );
                if (!loaded.Report.IsReadable || loaded.Records.Count == 0)
                {
                    throw new PipelineStepException("no valid rows to analyse.");
                }
                cancellationToken.ThrowIfCancellationRequested();
                var report = EdaAnalyzer.Analyze(loaded.Records, loaded.Report);
                var output = new EdaReportWriter(time).Write(
                    report,
                    folder,
                    Path.GetFileName(dataset),
                    FileHash.Sha256(dataset)
                );
                return new StepOutcome(
                    StepParameters.Values(
                        ("eda_html", output.HtmlPath),
                        ("eda_json", output.JsonPath)
                    ),
                    [new PipelineLink("report", output.HtmlPath)],
                    report.WhatStandsOut.Count > 0 ? report.WhatStandsOut[0] : "EDA report written"
                );
            },
            cancellationToken
        );
}
