using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Training.Evaluation;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;
using MentalHealthInsights.Infrastructure.Reporting.Training;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Training.Jobs;

public sealed partial class TrainingJob
{
    /// <summary>
    /// Logs the training (parent + child runs, artifacts), registers the best model as a new
    /// version with alias <c>challenger</c>, and moves <c>champion</c> when the promotion gate
    /// allows. A tracking failure never loses the training: the report and bundles stay on disk
    /// and the outcome says what was not logged.
    /// </summary>
    private async Task<TrackingOutcome> TrackAsync(
        TrainingJobOptions options,
        IReadOnlyList<MentalHealthRecord> records,
        TrainingReport report,
        TrainingReportOutput output,
        IReadOnlyDictionary<string, string> bundles,
        string validationSummaryPath,
        string? referenceProfilePath,
        CancellationToken cancellationToken
    )
    {
        TrackingBackend backend;
        try
        {
            backend = TrackingBackendFactory.Create(
                TrackingBackendFactory.EnvironmentOptions(
                    options.TrackingUri,
                    Environment.UserName,
                    options.ArtifactUri
                ),
                time
            );
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException or IOException)
        {
            return NotLogged(options.TrackingUri ?? "(MLFLOW_TRACKING_URI)", null, ex, output);
        }

        string? parentRunId = null;
        try
        {
            var tracking = new TrackingService(
                backend.Tracking,
                time,
                artifacts: backend.Artifacts
            );
            var recorded = await new TrainingRunRecorder(tracking).RecordAsync(
                report,
                new TrainingRunArtifacts(
                    output.HtmlPath,
                    output.JsonPath,
                    output.PlotPaths,
                    bundles,
                    validationSummaryPath,
                    options.EdaSummaryPath
                ),
                options.ExperimentName,
                cancellationToken
            );
            parentRunId = recorded.ParentRunId;
            if (
                report.Outcome != TrainingOutcome.Completed
                || report.BestModel is not { } best
                || !recorded.ChildRunIds.TryGetValue(best, out var childRunId)
            )
            {
                return new TrackingOutcome(
                    backend.TrackingUri,
                    parentRunId,
                    null,
                    null,
                    false,
                    "Nothing registered: training did not complete.",
                    null
                );
            }
            if (referenceProfilePath is not null)
            {
                // Beside the registered model's run, so monitoring finds the bins from the version.
                await tracking.LogArtifactAsync(
                    childRunId,
                    referenceProfilePath,
                    ReferenceProfileArtifactPath,
                    cancellationToken
                );
            }
            return await RegisterAsync(
                options,
                records,
                report,
                backend,
                best,
                childRunId,
                parentRunId,
                cancellationToken
            );
        }
        catch (Exception ex)
            when (ex is TrackingException or HttpRequestException or IOException or TimeoutException
            )
        {
            return NotLogged(backend.TrackingUri, parentRunId, ex, output);
        }
    }

    private static async Task<TrackingOutcome> RegisterAsync(
        TrainingJobOptions options,
        IReadOnlyList<MentalHealthRecord> records,
        TrainingReport report,
        TrackingBackend backend,
        string best,
        string childRunId,
        string parentRunId,
        CancellationToken cancellationToken
    )
    {
        var registry = backend.Registry;
        var name = options.ModelName;
        try
        {
            await registry.GetRegisteredModelAsync(name, cancellationToken);
        }
        catch (TrackingException ex) when (ex.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            try
            {
                await registry.CreateRegisteredModelAsync(
                    name,
                    "Screening-risk classifier (a screening aid, not a diagnosis).",
                    cancellationToken: cancellationToken
                );
            }
            catch (TrackingException created)
                when (created.ErrorCode == TrackingErrorCode.ResourceAlreadyExists)
            {
                // Another training created it between the lookup and here: register into it.
            }
        }

        var run = await backend.Tracking.GetRunAsync(childRunId, cancellationToken);
        var evaluation = report.FindModel(best)!;
        var candidateAuc = evaluation.Test.Metrics.RocAuc;
        var version = await registry.CreateModelVersionAsync(
            new NewModelVersion
            {
                Name = name,
                Source = run.Info.ArtifactUri.TrimEnd('/') + "/model",
                RunId = childRunId,
                Description = report.Headline,
                Tags = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["mhi.model_type"] = best,
                    ["mhi.promotable"] = evaluation.Promotable ? "true" : "false",
                    ["mhi.parent_run_id"] = parentRunId,
                },
            },
            cancellationToken
        );
        await registry.SetRegisteredModelAliasAsync(
            name,
            PromotionGate.ChallengerAlias,
            version.Version,
            new AliasChangeNote(Environment.UserName, "newest registered candidate"),
            cancellationToken
        );

        var championAuc = await ChampionAucOnTheSameRowsAsync(
            options,
            records,
            backend,
            cancellationToken
        );
        var decision = new PromotionGate(options.PromotionMargin).Decide(
            evaluation.Promotable,
            evaluation.PromotionReason,
            candidateAuc,
            championAuc,
            options.ForcePromotion
        );
        if (decision.Promote)
        {
            await registry.SetRegisteredModelAliasAsync(
                name,
                PromotionGate.ChampionAlias,
                version.Version,
                new AliasChangeNote(Environment.UserName, decision.Reason),
                cancellationToken
            );
        }
        await registry.SetModelVersionTagAsync(
            name,
            version.Version,
            "mhi.promotion",
            decision.Reason,
            cancellationToken
        );
        return new TrackingOutcome(
            backend.TrackingUri,
            parentRunId,
            name,
            version.Version,
            decision.Promote,
            decision.Reason,
            null
        );
    }

    /// <summary>
    /// The current champion's ROC AUC on this training's held-out rows (the same stratified split
    /// the protocol made), by loading and verifying its bundle; null when there is no champion.
    /// </summary>
    private static async Task<double?> ChampionAucOnTheSameRowsAsync(
        TrainingJobOptions options,
        IReadOnlyList<MentalHealthRecord> records,
        TrackingBackend backend,
        CancellationToken cancellationToken
    )
    {
        ModelVersion champion;
        try
        {
            champion = await backend.Registry.GetModelVersionByAliasAsync(
                options.ModelName,
                PromotionGate.ChampionAlias,
                cancellationToken
            );
        }
        catch (TrackingException ex)
            when (ex.ErrorCode
                    is TrackingErrorCode.ResourceDoesNotExist
                        or TrackingErrorCode.InvalidParameterValue
            )
        {
            return null;
        }
        var championRun = await backend.Tracking.GetRunAsync(champion.RunId!, cancellationToken);
        var download = Path.Combine(
            Path.GetTempPath(),
            "mhi-champion-" + Guid.NewGuid().ToString("N")
        );
        try
        {
            var folder = await backend.Artifacts.DownloadArtifactsAsync(
                championRun.Info.ArtifactUri,
                "model",
                download,
                cancellationToken
            );
            using var bundle = ModelBundleReader.Load(folder);
            var predictor = new Predictor(
                bundle.Preprocessor,
                bundle.Model,
                bundle.Metadata.Threshold
            );
            var labels = records.Select(r => r.HasCondition).ToArray();
            var (_, test) = StratifiedSplit.TrainTest(
                labels,
                options.Protocol.TestFraction,
                options.Protocol.Seed
            );
            var scores = new double[test.Length];
            var testLabels = new bool[test.Length];
            for (var i = 0; i < test.Length; i++)
            {
                scores[i] = predictor.PredictProbability(records[test[i]]);
                testLabels[i] = labels[test[i]];
            }
            return BinaryMetrics.RocAuc(testLabels, scores);
        }
        finally
        {
            if (Directory.Exists(download))
            {
                Directory.Delete(download, recursive: true);
            }
        }
    }

    private static TrackingOutcome NotLogged(
        string uri,
        string? parentRunId,
        Exception error,
        TrainingReportOutput output
    ) =>
        new(
            uri,
            parentRunId,
            null,
            null,
            false,
            null,
            $"Tracking at {uri} failed ({error.Message}); the training itself finished and its report and model bundles are kept in {Path.GetDirectoryName(output.HtmlPath)}. Nothing was registered. To log to a server later, train with a local store (--tracking-uri sqlite:///PATH) and run `mhi tracking push --to URI`."
        );
}
