using System.Text.Json;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;
using Quartz;

namespace MentalHealthInsights.Infrastructure.Scheduling;

/// <summary>
/// The keys a pipeline trigger carries in its job data (all strings, so the job store stays
/// readable and serializer-neutral): the pipeline, its parameters as JSON, the trigger kind,
/// an optional run id (queued runs) and the cache switch.
/// </summary>
public static class PipelineJobData
{
    /// <summary>The pipeline name.</summary>
    public const string Pipeline = "pipeline";

    /// <summary>Parameters as a JSON object of strings.</summary>
    public const string Parameters = "parameters";

    /// <summary>Manual, Schedule or Alert.</summary>
    public const string Trigger = "trigger";

    /// <summary>The run id a queued run was promised (manual and alert triggers).</summary>
    public const string RunId = "runId";

    /// <summary>"true" to bypass the step cache.</summary>
    public const string NoCache = "noCache";

    /// <summary>The job that runs pipeline <paramref name="pipeline"/>: one durable job per pipeline, so runs of one pipeline never overlap.</summary>
    public static JobKey JobKey(string pipeline) => new("pipeline-" + pipeline, "mhi");

    /// <summary>Job data for a trigger.</summary>
    public static JobDataMap Create(
        string pipeline,
        IReadOnlyDictionary<string, string> parameters,
        PipelineTrigger trigger,
        string? runId = null,
        bool noCache = false
    )
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var map = new JobDataMap
        {
            [Pipeline] = pipeline,
            [Parameters] = JsonSerializer.Serialize(
                new Dictionary<string, string>(parameters, StringComparer.Ordinal),
                PipelineStoreJsonContext.Default.DictionaryStringString
            ),
            [Trigger] = trigger.ToString(),
            [NoCache] = noCache ? "true" : "false",
        };
        if (runId is not null)
        {
            map[RunId] = runId;
        }
        return map;
    }

    /// <summary>The parameters of a trigger's job data.</summary>
    public static Dictionary<string, string> ReadParameters(JobDataMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Text(map, Parameters) is { } json
            ? JsonSerializer.Deserialize(
                json,
                PipelineStoreJsonContext.Default.DictionaryStringString
            ) ?? []
            : [];
    }

    /// <summary>A string value, or null when absent.</summary>
    public static string? Text(JobDataMap map, string key)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.TryGetValue(key, out var value) ? value?.ToString() : null;
    }
}
