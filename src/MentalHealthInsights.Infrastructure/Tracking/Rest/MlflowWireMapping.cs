using System.Globalization;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tracking.Rest;

/// <summary>Between MLflow's wire shapes and Core's entities; absent fields take MLflow's defaults.</summary>
internal static class MlflowWireMapping
{
    public static List<WireKeyValue>? ToWire(IEnumerable<KeyValuePair<string, string>>? pairs)
    {
        var list = pairs?.Select(p => new WireKeyValue { Key = p.Key, Value = p.Value }).ToList();
        return list is { Count: > 0 } ? list : null;
    }

    public static Dictionary<string, string> ToDictionary(List<WireKeyValue>? pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            if (pair.Key is not null)
            {
                result[pair.Key] = pair.Value ?? "";
            }
        }
        return result;
    }

    public static string ToWire(ViewType viewType) =>
        viewType switch
        {
            ViewType.DeletedOnly => "DELETED_ONLY",
            ViewType.All => "ALL",
            _ => "ACTIVE_ONLY",
        };

    public static WireMetric ToWire(Metric metric) =>
        new()
        {
            Key = metric.Key,
            Value = metric.Value,
            Timestamp = metric.TimestampMs,
            Step = metric.Step,
        };

    // MLflow's SQL store answers ±Infinity with ±double.MaxValue; read them back as logged.
    public static Metric ToMetric(WireMetric metric) =>
        new(
            metric.Key ?? "",
            metric.Value switch
            {
                double.MaxValue => double.PositiveInfinity,
                -double.MaxValue => double.NegativeInfinity,
                var value => value,
            },
            metric.Timestamp,
            metric.Step
        );

    public static Experiment ToExperiment(WireExperiment? experiment)
    {
        var wire = experiment ?? throw Missing("experiment");
        return new Experiment
        {
            ExperimentId = wire.ExperimentId ?? throw Missing("experiment_id"),
            Name = wire.Name ?? "",
            ArtifactLocation = wire.ArtifactLocation ?? "",
            LifecycleStage = TrackingEnumNames.ParseLifecycleStage(wire.LifecycleStage),
            CreationTimeMs = wire.CreationTime ?? 0,
            LastUpdateTimeMs = wire.LastUpdateTime ?? 0,
            Tags = ToDictionary(wire.Tags),
        };
    }

    public static RunInfo ToRunInfo(WireRunInfo? info)
    {
        var wire = info ?? throw Missing("run info");
        return new RunInfo
        {
            RunId = wire.RunId ?? wire.RunUuid ?? throw Missing("run_id"),
            ExperimentId = wire.ExperimentId ?? "",
            RunName = wire.RunName ?? "",
            UserId = wire.UserId ?? "",
            // An unknown status from a newer server reads as RUNNING rather than failing the read.
            Status = TrackingEnumNames.TryParseRunStatus(wire.Status, out var status)
                ? status
                : RunStatus.Running,
            StartTimeMs = wire.StartTime ?? 0,
            EndTimeMs = wire.EndTime,
            ArtifactUri = wire.ArtifactUri ?? "",
            LifecycleStage = TrackingEnumNames.ParseLifecycleStage(wire.LifecycleStage),
        };
    }

    public static Run ToRun(WireRun? run)
    {
        var wire = run ?? throw Missing("run");
        var metrics = new Dictionary<string, Metric>(StringComparer.Ordinal);
        foreach (var metric in wire.Data?.Metrics ?? [])
        {
            if (metric.Key is not null)
            {
                metrics[metric.Key] = ToMetric(metric);
            }
        }
        return new Run(
            ToRunInfo(wire.Info),
            new RunData
            {
                Metrics = metrics,
                Params = ToDictionary(wire.Data?.Params),
                Tags = ToDictionary(wire.Data?.Tags),
            }
        );
    }

    public static int ParseVersion(string? version) =>
        int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new TrackingException(
                TrackingErrorCode.InternalError,
                $"The MLflow server sent the model version '{version}', which is not a number."
            );

    public static string FormatVersion(int version) =>
        version.ToString(CultureInfo.InvariantCulture);

    public static ModelVersion ToModelVersion(WireModelVersion? version)
    {
        var wire = version ?? throw Missing("model_version");
        return new ModelVersion
        {
            Name = wire.Name ?? "",
            Version = ParseVersion(wire.Version),
            CreationTimestampMs = wire.CreationTimestamp ?? 0,
            LastUpdatedTimestampMs = wire.LastUpdatedTimestamp ?? 0,
            UserId = wire.UserId ?? "",
            Description = wire.Description ?? "",
            Source = wire.Source ?? "",
            RunId = string.IsNullOrEmpty(wire.RunId) ? null : wire.RunId,
            RunLink = string.IsNullOrEmpty(wire.RunLink) ? null : wire.RunLink,
            Status = wire.Status switch
            {
                "PENDING_REGISTRATION" => ModelVersionStatus.PendingRegistration,
                "FAILED_REGISTRATION" => ModelVersionStatus.FailedRegistration,
                _ => ModelVersionStatus.Ready,
            },
            StatusMessage = string.IsNullOrEmpty(wire.StatusMessage) ? null : wire.StatusMessage,
            Tags = ToDictionary(wire.Tags),
            Aliases = (wire.Aliases ?? []).Order(StringComparer.Ordinal).ToList(),
        };
    }

    public static RegisteredModel ToRegisteredModel(WireRegisteredModel? model)
    {
        var wire = model ?? throw Missing("registered_model");
        var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var alias in wire.Aliases ?? [])
        {
            if (alias.Alias is not null)
            {
                aliases[alias.Alias] = ParseVersion(alias.Version);
            }
        }
        var tags = ToDictionary(wire.Tags);
        foreach (var key in tags.Keys.Where(AliasHistoryTags.IsHistoryKey).ToList())
        {
            tags.Remove(key);
        }
        // latest_versions holds the newest version per stage; with aliases all are stage None.
        var latest = (wire.LatestVersions ?? [])
            .Select(v => ParseVersion(v.Version))
            .DefaultIfEmpty(0)
            .Max();
        return new RegisteredModel
        {
            Name = wire.Name ?? "",
            CreationTimestampMs = wire.CreationTimestamp ?? 0,
            LastUpdatedTimestampMs = wire.LastUpdatedTimestamp ?? 0,
            Description = wire.Description ?? "",
            Tags = tags,
            Aliases = aliases,
            LatestVersion = latest > 0 ? latest : null,
        };
    }

    public static TrackingException Missing(string field) =>
        new(
            TrackingErrorCode.InternalError,
            $"The MLflow server's answer lacks '{field}'; is it an MLflow tracking server?"
        );
}
