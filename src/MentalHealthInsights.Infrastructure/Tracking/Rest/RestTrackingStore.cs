using System.Globalization;
using MentalHealthInsights.Core.Tracking;
using static MentalHealthInsights.Infrastructure.Tracking.Rest.MlflowWireMapping;

namespace MentalHealthInsights.Infrastructure.Tracking.Rest;

/// <summary>
/// <see cref="ITrackingStore"/> over an MLflow tracking server's REST API 2.0. Arguments are
/// checked with <see cref="TrackingValidation"/> before anything is sent, so over-long values
/// are rejected as by the local store (a server would truncate them silently). Each
/// <see cref="LogBatchAsync"/> call is one <c>runs/log-batch</c> request, within the server's
/// limits; <see cref="TrackingService"/> splits larger amounts.
/// </summary>
public sealed class RestTrackingStore : ITrackingStore
{
    private readonly MlflowRestClient _client;

    /// <summary>Creates the store on a shared client (not disposed by the store).</summary>
    public RestTrackingStore(MlflowRestClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public async Task<string> CreateExperimentAsync(
        string name,
        string? artifactLocation = null,
        IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default
    )
    {
        TrackingValidation.ValidateExperimentName(name);
        TrackingValidation.ValidateExperimentTags(tags);
        var answer = await _client.SendJsonAsync(
            HttpMethod.Post,
            "experiments/create",
            new WireMessage
            {
                Name = name,
                ArtifactLocation = artifactLocation,
                Tags = ToWire(tags),
            },
            cancellationToken
        );
        return answer.ExperimentId ?? throw Missing("experiment_id");
    }

    /// <inheritdoc />
    public async Task<Experiment> GetExperimentAsync(
        string experimentId,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(experimentId);
        var answer = await _client.GetAsync(
            "experiments/get",
            [new("experiment_id", experimentId)],
            cancellationToken
        );
        return ToExperiment(answer.Experiment);
    }

    /// <inheritdoc />
    public async Task<Experiment?> GetExperimentByNameAsync(
        string name,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            var answer = await _client.GetAsync(
                "experiments/get-by-name",
                [new("experiment_name", name)],
                cancellationToken
            );
            return ToExperiment(answer.Experiment);
        }
        catch (TrackingException error)
            when (error.ErrorCode == TrackingErrorCode.ResourceDoesNotExist)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<ResultPage<Experiment>> SearchExperimentsAsync(
        ExperimentSearchQuery query,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPageSize(query.MaxResults, ExperimentSearchQuery.MaxAllowedResults);
        var answer = await _client.SendJsonAsync(
            HttpMethod.Post,
            "experiments/search",
            new WireMessage
            {
                Filter = NullIfEmpty(query.Filter),
                MaxResults = query.MaxResults,
                OrderBy = query.OrderBy.Count > 0 ? [.. query.OrderBy] : null,
                PageToken = NullIfEmpty(query.PageToken),
                ViewType = ToWire(query.ViewType),
            },
            cancellationToken
        );
        return new ResultPage<Experiment>(
            (answer.Experiments ?? []).Select(ToExperiment).ToList(),
            NullIfEmpty(answer.NextPageToken)
        );
    }

    /// <inheritdoc />
    public async Task<Run> CreateRunAsync(NewRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(run.ExperimentId);
        foreach (var tag in run.Tags)
        {
            TrackingValidation.ValidateTag(tag);
        }
        var answer = await _client.SendJsonAsync(
            HttpMethod.Post,
            "runs/create",
            new WireMessage
            {
                ExperimentId = run.ExperimentId,
                UserId = run.UserId,
                RunName = NullIfEmpty(run.RunName),
                // MLflow stores 0 when no start time is sent; the Python client always sends one.
                StartTime =
                    run.StartTimeMs ?? _client.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
                Tags = ToWire(
                    run.Tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value))
                ),
            },
            cancellationToken
        );
        return ToRun(answer.Run);
    }

    /// <inheritdoc />
    public async Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var answer = await _client.GetAsync("runs/get", [new("run_id", runId)], cancellationToken);
        return ToRun(answer.Run);
    }

    /// <inheritdoc />
    public async Task<RunInfo> UpdateRunAsync(
        string runId,
        RunStatus? status = null,
        long? endTimeMs = null,
        string? runName = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var answer = await _client.SendJsonAsync(
            HttpMethod.Post,
            "runs/update",
            new WireMessage
            {
                RunId = runId,
                Status = status?.ToMlflowName(),
                EndTime = endTimeMs,
                RunName = runName,
            },
            cancellationToken
        );
        return ToRunInfo(answer.RunInfo);
    }

    /// <inheritdoc />
    public async Task LogBatchAsync(
        string runId,
        IReadOnlyList<Metric>? metrics = null,
        IReadOnlyList<Param>? parameters = null,
        IReadOnlyList<RunTag>? tags = null,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        TrackingValidation.ValidateBatch(metrics, parameters, tags);
        await _client.SendJsonAsync(
            HttpMethod.Post,
            "runs/log-batch",
            new WireMessage
            {
                RunId = runId,
                Metrics = metrics is { Count: > 0 } ? metrics.Select(ToWire).ToList() : null,
                Params = parameters is { Count: > 0 }
                    ? parameters
                        .Select(p => new WireKeyValue { Key = p.Key, Value = p.Value })
                        .ToList()
                    : null,
                Tags = tags is { Count: > 0 }
                    ? tags.Select(t => new WireKeyValue { Key = t.Key, Value = t.Value }).ToList()
                    : null,
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(
        string runId,
        string metricKey,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentException.ThrowIfNullOrWhiteSpace(metricKey);
        var history = new List<Metric>();
        string? token = null;
        do
        {
            var answer = await _client.GetAsync(
                "metrics/get-history",
                [
                    new("run_id", runId),
                    new("metric_key", metricKey),
                    new("max_results", "25000"),
                    new("page_token", token),
                ],
                cancellationToken
            );
            history.AddRange((answer.Metrics ?? []).Select(ToMetric));
            token = NullIfEmpty(answer.NextPageToken);
        } while (token is not null);
        // The server's order is unspecified; the port promises step, then timestamp.
        return
        [
            .. history
                .Select((metric, index) => (metric, index))
                .OrderBy(p => p.metric.Step)
                .ThenBy(p => p.metric.TimestampMs)
                .ThenBy(p => p.index)
                .Select(p => p.metric),
        ];
    }

    /// <inheritdoc />
    public async Task<ResultPage<Run>> SearchRunsAsync(
        RunSearchQuery query,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckPageSize(query.MaxResults, RunSearchQuery.MaxAllowedResults);
        if (query.ExperimentIds.Count == 0)
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                "A run search needs at least one experiment id."
            );
        }
        var answer = await _client.SendJsonAsync(
            HttpMethod.Post,
            "runs/search",
            new WireMessage
            {
                ExperimentIds = [.. query.ExperimentIds],
                Filter = NullIfEmpty(query.Filter),
                RunViewType = ToWire(query.ViewType),
                MaxResults = query.MaxResults,
                OrderBy = query.OrderBy.Count > 0 ? [.. query.OrderBy] : null,
                PageToken = NullIfEmpty(query.PageToken),
            },
            cancellationToken
        );
        return new ResultPage<Run>(
            (answer.Runs ?? []).Select(ToRun).ToList(),
            NullIfEmpty(answer.NextPageToken)
        );
    }

    /// <inheritdoc />
    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return _client.SendJsonAsync(
            HttpMethod.Post,
            "runs/delete",
            new WireMessage { RunId = runId },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return _client.SendJsonAsync(
            HttpMethod.Post,
            "runs/restore",
            new WireMessage { RunId = runId },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task SetTagAsync(
        string runId,
        string key,
        string value,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        TrackingValidation.ValidateTag(new RunTag(key, value));
        return _client.SendJsonAsync(
            HttpMethod.Post,
            "runs/set-tag",
            new WireMessage
            {
                RunId = runId,
                Key = key,
                Value = value,
            },
            cancellationToken
        );
    }

    /// <inheritdoc />
    public Task DeleteTagAsync(
        string runId,
        string key,
        CancellationToken cancellationToken = default
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        TrackingValidation.ValidateKey(key, "Tag");
        return _client.SendJsonAsync(
            HttpMethod.Post,
            "runs/delete-tag",
            new WireMessage { RunId = runId, Key = key },
            cancellationToken
        );
    }

    internal static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    internal static void CheckPageSize(int maxResults, int limit)
    {
        if (maxResults < 1 || maxResults > limit)
        {
            throw new TrackingException(
                TrackingErrorCode.InvalidParameterValue,
                $"max_results must be between 1 and {limit.ToString(CultureInfo.InvariantCulture)}, got {maxResults.ToString(CultureInfo.InvariantCulture)}."
            );
        }
    }
}
