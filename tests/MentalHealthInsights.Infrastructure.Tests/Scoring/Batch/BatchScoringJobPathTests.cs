using System.Diagnostics;
using MentalHealthInsights.Infrastructure.Scoring.Batch;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

/// <summary>The up-front checks of the output and rejects paths (docs/batch-scoring.md, "Output").</summary>
public sealed class BatchScoringJobPathTests(BatchTestModel model) : IClassFixture<BatchTestModel>
{
    private static BatchScoringOptions Options(BatchTempFolder temp, string input) =>
        BatchTestModel.PinnedOptions(
            input,
            temp.File("out.csv"),
            rawIds: true,
            chunkRows: 7,
            threads: 2
        );

    private static BatchScoringOptions With(
        BatchScoringOptions options,
        string which,
        string path
    ) => which == "output" ? options with { Output = path } : options with { Rejects = path };

    [Theory]
    [InlineData("output", "--output")]
    [InlineData("rejects", "--rejects")]
    public void Run_OutputOrRejectsIsAFolder_RefusesBeforeReadingNamingTheOption(
        string which,
        string option
    )
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(5, seed: 40));
        var folder = Directory.CreateDirectory(temp.File("taken.csv")).FullName;

        var error = Assert.Throws<ArgumentException>(() =>
            model.Job().Run(With(Options(temp, input), which, folder))
        );

        Assert.StartsWith(
            $"{option} {folder} is a folder",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Equal(["in.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void Run_DefaultRejectsPathIsAFolder_RefusesNamingTheRejectsOption()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(5, seed: 41));
        Directory.CreateDirectory(temp.File("out.rejects.csv"));

        var error = Assert.Throws<ArgumentException>(() => model.Job().Run(Options(temp, input)));

        Assert.Contains("--rejects", error.Message, StringComparison.Ordinal);
        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
        Assert.Equal(["in.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [UnixTheory]
    [InlineData("output", false)]
    [InlineData("rejects", false)]
    [InlineData("output", true)]
    [InlineData("rejects", true)]
    public void Run_OutputOrRejectsIsAFifoOrALinkToOne_RefusesAndKeepsIt(string which, bool link)
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(5, seed: 42));
        var fifo = temp.File("pipe");
        MakeFifo(fifo);
        var path = fifo;
        if (link)
        {
            path = temp.File("link.csv");
            File.CreateSymbolicLink(path, fifo);
        }

        var error = Assert.Throws<ArgumentException>(() =>
            model.Job().Run(With(Options(temp, input), which, path))
        );

        Assert.Contains($"{path} is not a regular file", error.Message, StringComparison.Ordinal);
        Assert.Equal(BatchPaths.FileKind.Special, BatchPaths.KindOf(path));
        Assert.Equal(BatchPaths.FileKind.Special, BatchPaths.KindOf(fifo));
        if (link)
        {
            Assert.Equal(fifo, new FileInfo(path).LinkTarget);
        }

        Assert.Equal(
            ["in.csv"],
            Directory
                .GetFiles(temp.Path)
                .Select(Path.GetFileName)
                .Where(n => n is not ("pipe" or "link.csv"))
        );
    }

    [UnixFact]
    public void Run_OutputIsALinkToARegularFile_ReplacesTheLinkAndLeavesItsTarget()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(5, seed: 43));
        var target = temp.File("target.csv");
        File.WriteAllText(target, "kept\n");
        var link = temp.File("link.csv");
        File.CreateSymbolicLink(link, target);

        var result = model.Job().Run(Options(temp, input) with { Output = link });

        Assert.True(result.Completed, result.FatalError);
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Equal(6, File.ReadAllLines(link).Length);
        Assert.Equal("kept\n", File.ReadAllText(target));
    }

    [Theory]
    [InlineData("input", "--input")]
    [InlineData("output", "--output")]
    [InlineData("rejects", "--rejects")]
    [InlineData("work", "--work-dir")]
    public void CheckPaths_EmptyOption_NamesIt(string which, string option)
    {
        var options = new BatchScoringOptions { Input = "in.csv", Output = "out.csv" };
        options = which switch
        {
            "input" => options with { Input = "" },
            "output" => options with { Output = " " },
            "rejects" => options with { Rejects = "" },
            _ => options with { WorkDirectory = "" },
        };

        var error = Assert.Throws<ArgumentException>(() => BatchScoringJob.CheckPaths(options));

        Assert.StartsWith($"{option} is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LockFailure_SaysTheFolderCannotBeWrittenWithoutDotNetWording()
    {
        var denied = BatchScoringJob.LockFailure(
            "/x/out.csv.lock",
            new UnauthorizedAccessException("Access to the path '/x/out.csv.lock' is denied.")
        );
        var missing = BatchScoringJob.LockFailure(
            "/proc/out.csv.lock",
            new FileNotFoundException("Could not find file '/proc/out.csv.lock'.")
        );
        var readOnly = BatchScoringJob.LockFailure(
            "/r/out.csv.lock",
            new IOException("Read-only file system : '/r/out.csv.lock'")
        );

        Assert.Equal(
            "The folder /x cannot be written: creating the job's lock file /x/out.csv.lock failed (permission denied). Choose an output in a folder you can write.",
            denied.Message
        );
        Assert.Contains(
            "(the folder does not take new files)",
            missing.Message,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("Could not find", missing.Message, StringComparison.Ordinal);
        Assert.Contains(
            "failed (Read-only file system).",
            readOnly.Message,
            StringComparison.Ordinal
        );
    }

    private static void MakeFifo(string path)
    {
        using var process = Process.Start("mkfifo", [path]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}

/// <summary>A fact that runs on Linux and macOS only (FIFOs, symbolic links without privileges).</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix only";
        }
    }
}

/// <summary>A theory that runs on Linux and macOS only.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix only";
        }
    }
}
