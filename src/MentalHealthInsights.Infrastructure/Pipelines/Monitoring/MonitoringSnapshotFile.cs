using System.Text.Json;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines.Monitoring;

/// <summary>
/// <c>snapshot.json</c> beside a pipeline's monitoring report: the <see cref="MonitoringSnapshot"/>
/// the monitor step built with <see cref="Infrastructure.Monitoring.MonitoringJob.CreateSnapshot"/>
/// (the path <c>mhi monitor</c> takes), handed to the alert step as a file because steps pass
/// only strings. Numbers round-trip exactly; NaN is written as "NaN".
/// </summary>
internal static class MonitoringSnapshotFile
{
    /// <summary>The file name inside the run's monitoring folder.</summary>
    public const string FileName = "snapshot.json";

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="folder"/>/snapshot.json and returns the path.</summary>
    public static string Write(MonitoringSnapshot snapshot, string folder)
    {
        var path = Path.Combine(folder, FileName);
        using (var stream = File.Create(path))
        {
            JsonSerializer.Serialize(
                stream,
                snapshot,
                MonitoringSnapshotJsonContext.Default.MonitoringSnapshot
            );
        }
        return path;
    }

    /// <summary>Reads the snapshot at <paramref name="path"/>; a missing or broken file fails the step clearly.</summary>
    public static MonitoringSnapshot Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(
                    stream,
                    MonitoringSnapshotJsonContext.Default.MonitoringSnapshot
                ) ?? throw new PipelineStepException($"the monitoring snapshot {path} is empty.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PipelineStepException(
                $"cannot read the monitoring snapshot {path}: {ex.Message}"
            );
        }
        catch (JsonException ex)
        {
            throw new PipelineStepException(
                $"the monitoring snapshot {path} is not valid: {ex.Message}"
            );
        }
    }
}
