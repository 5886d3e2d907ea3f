using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

/// <summary>A fresh folder for one test, deleted afterwards, with helpers to write inputs.</summary>
internal sealed class BatchTempFolder : IDisposable
{
    public BatchTempFolder()
    {
        Path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "mhi-batch-tests-" + Guid.NewGuid().ToString("N")
        );
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes records as a dataset CSV, then appends <paramref name="extraLines"/> verbatim.</summary>
    public string WriteInput(
        string name,
        IEnumerable<MentalHealthRecord> records,
        params string[] extraLines
    )
    {
        var path = File(name);
        CsvDatasetWriter.WriteFile(records, path);
        if (extraLines.Length > 0)
        {
            System.IO.File.AppendAllText(path, string.Join("\n", extraLines) + "\n");
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
