using System.Text.Json;
using MentalHealthInsights.Infrastructure.Reporting.Training;

namespace MentalHealthInsights.Infrastructure.Training.Jobs;

// A re-run into the same output folder replaces the previous training's outputs: what the new
// run writes overwrites them, and what it does not write (the bundles and plots of models not
// trained this time) is removed — but only files the previous training.json says that training
// wrote, so the folder never mixes two trainings and nothing the tool did not write is deleted.
public sealed partial class TrainingJob
{
    /// <summary>What the previous training in an output folder wrote, from its training.json.</summary>
    /// <param name="Plots">Full paths of its plots.</param>
    /// <param name="Models">Its models' names (each a bundle folder and archive under models/).</param>
    private sealed record PreviousOutputs(IReadOnlyList<string> Plots, IReadOnlyList<string> Models)
    {
        public static readonly PreviousOutputs None = new([], []);
    }

    /// <summary>
    /// Reads the previous training's training.json in <paramref name="folder"/>; nothing when
    /// there is none or it cannot be read as one (then nothing is removed).
    /// </summary>
    private static PreviousOutputs ReadPreviousOutputs(string folder)
    {
        var path = Path.Combine(folder, TrainingReportWriter.JsonFileName);
        if (!File.Exists(path))
        {
            return PreviousOutputs.None;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var plots = new List<string>();
            if (root.TryGetProperty("plots", out var plotList))
            {
                foreach (var plot in plotList.EnumerateArray())
                {
                    // Only files inside plots/ (a hand-edited file cannot point elsewhere).
                    if (
                        plot.GetString() is { } relative
                        && InsideFolder(
                            Path.Combine(folder, TrainingReportWriter.PlotsFolder),
                            folder,
                            relative
                        )
                            is { } full
                    )
                    {
                        plots.Add(full);
                    }
                }
            }
            var models = new List<string>();
            if (
                root.TryGetProperty("report", out var report)
                && report.TryGetProperty("models", out var modelList)
            )
            {
                foreach (var model in modelList.EnumerateArray())
                {
                    if (
                        model.TryGetProperty("name", out var name)
                        && name.GetString() is { } text
                        && IsPlainName(text)
                    )
                    {
                        models.Add(text);
                    }
                }
            }
            return new PreviousOutputs(plots, models);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IOException)
        {
            return PreviousOutputs.None;
        }
    }

    /// <summary>
    /// Removes the previous training's plots and model bundles that this run did not write. A
    /// bundle folder loses only the files its own manifest lists (and the manifest), and is
    /// removed only when nothing else is left in it.
    /// </summary>
    private static void RemoveStaleOutputs(
        string folder,
        PreviousOutputs previous,
        TrainingReportOutput written,
        Dictionary<string, string> bundles
    )
    {
        var writtenPlots = new HashSet<string>(
            written.PlotPaths.Select(Path.GetFullPath),
            StringComparer.Ordinal
        );
        foreach (var plot in previous.Plots.Where(p => !writtenPlots.Contains(p)))
        {
            File.Delete(plot);
        }
        foreach (var model in previous.Models.Where(m => !bundles.ContainsKey(m)))
        {
            var bundle = Path.Combine(folder, ModelsFolder, model);
            File.Delete(bundle + ".mhib");
            RemoveBundleFolder(bundle);
        }
    }

    private static void RemoveBundleFolder(string bundle)
    {
        var manifest = Path.Combine(bundle, "manifest.json");
        if (!File.Exists(manifest))
        {
            return;
        }
        try
        {
            using (var document = JsonDocument.Parse(File.ReadAllBytes(manifest)))
            {
                foreach (var file in document.RootElement.GetProperty("files").EnumerateArray())
                {
                    if (
                        file.GetProperty("path").GetString() is { } name
                        && InsideFolder(bundle, bundle, name) is { } full
                    )
                    {
                        File.Delete(full);
                    }
                }
            }
            File.Delete(manifest);
        }
        catch (Exception ex)
            when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return; // not a manifest this tool wrote: leave the folder alone
        }
        if (!Directory.EnumerateFileSystemEntries(bundle).Any())
        {
            Directory.Delete(bundle);
        }
    }

    /// <summary>
    /// The full path of <paramref name="relative"/> (relative to <paramref name="baseFolder"/>)
    /// when it lies inside <paramref name="root"/>; null otherwise.
    /// </summary>
    private static string? InsideFolder(string root, string baseFolder, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(baseFolder, relative));
        return full.StartsWith(
            Path.GetFullPath(root) + Path.DirectorySeparatorChar,
            StringComparison.Ordinal
        )
            ? full
            : null;
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0
        && name is not ("." or "..")
        && name.IndexOfAny(['/', '\\']) < 0
        && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0;
}
