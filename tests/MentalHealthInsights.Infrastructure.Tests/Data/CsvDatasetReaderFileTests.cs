using System.Security.Cryptography;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Infrastructure.Tests.Data;

public class CsvDatasetReaderFileTests
{
    [Fact]
    public void ReadFile_AnyInput_LeavesInputBytesUnchanged()
    {
        using var dir = new TempDirectory();
        var input = dir.Write(
            "in.csv",
            CsvText.File(CsvText.Row("U1"), "\"U2\",x", CsvText.Row("U1"))
        );
        var before = SHA256.HashData(File.ReadAllBytes(input));
        var writtenAt = File.GetLastWriteTimeUtc(input);

        new CsvDatasetReader().ReadFile(input, _ => { }, dir.File("rejects.csv"));

        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(input)));
        Assert.Equal(writtenAt, File.GetLastWriteTimeUtc(input));
    }

    [Fact]
    public void ReadFile_MissingFile_ThrowsFileNotFound()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<FileNotFoundException>(() =>
            new CsvDatasetReader().ReadFile(dir.File("nope/none.csv"), _ => { })
        );

        Assert.EndsWith("none.csv", error.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_RejectsPathIsInput_ThrowsAndKeepsInput()
    {
        using var dir = new TempDirectory();
        var text = CsvText.File(CsvText.Row());
        var input = dir.Write("in.csv", text);

        Assert.Throws<ArgumentException>(() =>
            new CsvDatasetReader().ReadFile(input, _ => { }, Path.Combine(dir.Path, ".", "in.csv"))
        );
        Assert.Equal(text, File.ReadAllText(input));
    }

    [Fact]
    public void ReadFile_ExistingRejectsFile_IsReplaced()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.csv", CsvText.File(CsvText.Row()));
        var rejects = dir.Write("rejects.csv", "old content that is longer than the new file\n");

        new CsvDatasetReader().ReadFile(input, _ => { }, rejects);

        Assert.Equal("line,reason,column,original\n", File.ReadAllText(rejects));
    }

    [Fact]
    public void ReadFile_CancelledBeforeStart_ThrowsAndWritesNoRejectsFile()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.csv", CsvText.File(CsvText.Row()));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new CsvDatasetReader().ReadFile(input, _ => { }, dir.File("rejects.csv"), ct: cts.Token)
        );
        Assert.Equal(["in.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void ReadFile_CancelledWhileReading_StopsSoonAndLeavesNoPartialFiles()
    {
        using var dir = new TempDirectory();
        var input = dir.Write(
            "in.csv",
            CsvText.File(Enumerable.Range(0, 20_000).Select(i => CsvText.Row($"U{i}")))
        );
        using var cts = new CancellationTokenSource();
        var accepted = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
            new CsvDatasetReader().ReadFile(
                input,
                _ =>
                {
                    if (++accepted == 100)
                    {
                        cts.Cancel();
                    }
                },
                dir.File("rejects.csv"),
                ct: cts.Token
            )
        );
        Assert.InRange(accepted, 100, 100 + 1024);
        Assert.Equal(["in.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void ReadFile_Progress_RisesToOneInAtMostAHundredAndOneSteps()
    {
        using var dir = new TempDirectory();
        var input = dir.Write(
            "in.csv",
            CsvText.File(Enumerable.Range(0, 200_000).Select(i => CsvText.Row($"U{i}")))
        );
        var reports = new List<double>();

        new CsvDatasetReader().ReadFile(input, _ => { }, progress: new SyncProgress(reports.Add));

        Assert.InRange(reports.Count, 10, 101);
        Assert.Equal(1.0, reports[^1]);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(reports.Distinct(), reports);
        Assert.All(reports, p => Assert.InRange(p, 0.0, 1.0));
    }

    [Fact]
    public void Read_UnseekableStream_ReportsOnlyCompletion()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(CsvText.File(CsvText.Row()));
        using var input = new UnseekableStream(bytes);
        var reports = new List<double>();

        var report = new CsvDatasetReader().Read(
            input,
            _ => { },
            progress: new SyncProgress(reports.Add)
        );

        Assert.Equal(1, report.RowsAccepted);
        Assert.Equal([1.0], reports);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            new CsvDatasetReader(new ValidationOptions { Age = new NumericRange(50, 10) })
        );
    }

    // Progress<T> posts to the thread pool; tests need the calls in order, synchronously.
    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
