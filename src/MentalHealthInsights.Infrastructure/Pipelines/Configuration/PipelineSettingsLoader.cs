using System.Text.Json;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Pipelines.Configuration;

/// <summary>
/// Finds and reads the settings file: an explicit path, else <see cref="ConfigVariable"/>, else
/// <c>mhi-pipelines.json</c> in the working folder if present, else the defaults.
/// </summary>
public static class PipelineSettingsLoader
{
    /// <summary>The environment variable naming the settings file: <c>MHI_PIPELINES_CONFIG</c>.</summary>
    public const string ConfigVariable = "MHI_PIPELINES_CONFIG";

    /// <summary>The file looked for in the working folder.</summary>
    public const string DefaultFileName = "mhi-pipelines.json";

    /// <summary>
    /// The settings. A named file that is missing, a folder or malformed throws
    /// <see cref="InvalidDataException"/> with a message fit for the user.
    /// </summary>
    public static PipelineSettings Load(string? path)
    {
        path ??= Environment.GetEnvironmentVariable(ConfigVariable);
        if (path is null)
        {
            if (!File.Exists(DefaultFileName))
            {
                return new PipelineSettings();
            }
            path = DefaultFileName;
        }
        if (Directory.Exists(path))
        {
            throw new InvalidDataException(
                $"pipelines settings file {Path.GetFullPath(path)} is a folder, not a file; give the path of a file."
            );
        }
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"pipelines settings file not found: {path}");
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot be read: {ex.Message}");
        }
        // The reader would keep the last of two values silently.
        if (JsonDuplicateKeys.Find(text, StringComparer.Ordinal) is { } duplicate)
        {
            throw new InvalidDataException(
                $"{path}: {duplicate} is given twice; give each setting once."
            );
        }
        try
        {
            var settings =
                JsonSerializer.Deserialize(
                    text,
                    PipelineSettingsJsonContext.Default.PipelineSettings
                ) ?? new PipelineSettings();
            // The source-generated reader skips initialisers of init-only properties (hence the
            // settable scalars in the settings types) and leaves absent collections null.
            return settings with
            {
                Steps = settings.Steps ?? [],
                Schedules =
                [
                    .. (settings.Schedules ?? []).Select(x =>
                        x with
                        {
                            Parameters = x.Parameters ?? [],
                        }
                    ),
                ],
                Scheduler = settings.Scheduler ?? new SchedulerSettings(),
            };
        }
        catch (JsonException ex)
        {
            // The reader's own message names .NET types (…Configuration.PipelineSettings,
            // System.Nullable`1[System.Int32]); say where and what in the file's terms instead.
            var where = ex.Path is { Length: > 1 } at ? " at " + at.TrimStart('$', '.') : "";
            var line = ex.LineNumber is { } number ? $" (line {number + 1})" : "";
            var what = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "unknown setting"
                : "not valid JSON, or a value of the wrong type";
            throw new InvalidDataException($"{path}: {what}{where}{line}.");
        }
    }

    /// <summary>The run store location: <paramref name="option"/>, else MHI_PIPELINE_STORE, else the settings', else the default.</summary>
    public static string RunStoreLocation(PipelineSettings settings, string? option)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return option
            ?? Environment.GetEnvironmentVariable(PipelineRunStoreFactory.LocationVariable)
            ?? settings.RunStore
            ?? PipelineRunStoreFactory.DefaultLocation;
    }
}
