using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentalHealthInsights.Core.Monitoring.Simulation;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Hashing;

namespace MentalHealthInsights.Cli.Commands;

internal static partial class SimulateCommand
{
    public const string ManifestFile = "simulation.json";
    public const string ReferenceFile = "reference.csv";
    public const string DaysFolder = "days";
    public const string LabelsFolder = "labels";

    // LF on every OS, so the manifest's bytes depend on the options only.
    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        NewLine = "\n",
    };

    /// <summary>
    /// Writes reference.csv, days/day-NNN.csv (dataset format, with the true outcomes),
    /// labels/day-NNN.csv (the outcomes arriving that day) and simulation.json; returns the
    /// number of batch rows written.
    /// </summary>
    public static long WriteAll(
        MonitoringSimulator simulator,
        string folder,
        IProgress<double> progress,
        CancellationToken cancellationToken
    )
    {
        var options = simulator.Options;
        var width = Math.Max(3, options.Days.ToString(CultureInfo.InvariantCulture).Length);
        string DayName(int day) =>
            "day-" + day.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0') + ".csv";

        Directory.CreateDirectory(folder);
        var referencePath = Path.Combine(folder, ReferenceFile);
        var referenceRows = CsvDatasetWriter.WriteFile(
            simulator.Reference(),
            referencePath,
            ct: cancellationToken
        );

        var dayEntries = new JsonArray();
        var written = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        for (var day = 1; day <= options.Days; day++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batchRelative = DaysFolder + "/" + DayName(day);
            var batchPath = Path.Combine(folder, DaysFolder, DayName(day));
            var rows = CsvDatasetWriter.WriteFile(
                simulator.Day(day),
                batchPath,
                ct: cancellationToken
            );
            total += rows;
            written.Add(batchPath);
            var entry = new JsonObject
            {
                ["day"] = day,
                ["date"] = simulator
                    .DateOf(day)
                    .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["drifted"] = simulator.IsDrifted(day),
                ["batch"] = batchRelative,
                ["rows"] = rows,
                ["sha256"] = FileHash.Sha256(batchPath),
            };
            if (simulator.LabelsArrivingOn(day) is { } labelled)
            {
                var labelsRelative = LabelsFolder + "/" + DayName(day);
                var labelsPath = Path.Combine(folder, LabelsFolder, DayName(day));
                WriteLabels(simulator, labelled, labelsPath);
                written.Add(labelsPath);
                entry["labels"] = new JsonObject
                {
                    ["path"] = labelsRelative,
                    ["forBatchDay"] = labelled,
                    ["sha256"] = FileHash.Sha256(labelsPath),
                };
            }
            else
            {
                entry["labels"] = null;
            }
            dayEntries.Add(entry);
            progress.Report((double)day / options.Days);
        }

        RemoveStaleDays(folder, written);
        var manifest = new JsonObject
        {
            ["schema"] = "mhi.simulation/v1",
            ["note"] =
                "Synthetic data from the planted generator. Day files carry the true outcomes (the dataset format needs every column); a production replay must take outcomes only from labels/, on the day they arrive. Screening aid, not a diagnosis.",
            ["scenario"] = SimulationScenarioNames.Name(options.Scenario),
            ["seed"] = options.Seed,
            ["days"] = options.Days,
            ["rowsPerDay"] = options.RowsPerDay,
            ["driftStartDay"] =
                options.Scenario == SimulationScenario.Stable ? null : options.DriftStartDay,
            ["labelDelayDays"] = options.LabelDelayDays,
            ["startDate"] = options.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["reference"] = new JsonObject
            {
                ["path"] = ReferenceFile,
                ["rows"] = referenceRows,
                ["sha256"] = FileHash.Sha256(referencePath),
            },
            ["schedule"] = dayEntries,
        };
        File.WriteAllText(
            Path.Combine(folder, ManifestFile),
            manifest.ToJsonString(ManifestJson) + "\n",
            new UTF8Encoding(false)
        );
        return total;
    }

    /// <summary>
    /// Deletes the <c>day-N.csv</c> files in days/ and labels/ that this run did not write: a
    /// shorter run into the folder of a longer one (or one with another label delay) left the old
    /// days beside the new manifest, so the folder no longer matched its options. Only files of
    /// simulate's own name form are touched.
    /// </summary>
    private static void RemoveStaleDays(string folder, HashSet<string> written)
    {
        foreach (var sub in new[] { DaysFolder, LabelsFolder })
        {
            var path = Path.Combine(folder, sub);
            if (!Directory.Exists(path))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(path, "day-*.csv"))
            {
                var digits = Path.GetFileNameWithoutExtension(file)["day-".Length..];
                if (digits.Length > 0 && digits.All(char.IsAsciiDigit) && !written.Contains(file))
                {
                    File.Delete(file);
                }
            }
        }
    }

    private static void WriteLabels(MonitoringSimulator simulator, int batchDay, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        LabelFileWriter.Write(simulator.Day(batchDay), stream);
    }
}
