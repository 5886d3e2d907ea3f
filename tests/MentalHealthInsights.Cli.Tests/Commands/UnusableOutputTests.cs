namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>
/// An output path that cannot be written is refused before the input is read (exit 1, a bad
/// option value), naming the user's path — never a temporary file's name, never after the
/// whole input was read.
/// </summary>
public sealed class UnusableOutputTests
{
    [Theory]
    [InlineData(
        "--rejects {folder} is a folder; give the path of a file to write.",
        "data",
        "validate",
        "-i",
        "{temp}/d.csv",
        "--rejects",
        "{folder}"
    )]
    [InlineData(
        "--rejects /proc/x.csv cannot be written: the folder /proc does not accept new files.",
        "data",
        "validate",
        "-i",
        "{temp}/d.csv",
        "--rejects",
        "/proc/x.csv"
    )]
    [InlineData(
        "--rejects {temp}/d.csv/x.csv cannot be written: {temp}/d.csv is a file, not a folder.",
        "data",
        "validate",
        "-i",
        "{temp}/d.csv",
        "--rejects",
        "{temp}/d.csv/x.csv"
    )]
    [InlineData(
        "--out /proc/mhi-eda cannot be written: the folder /proc does not accept new files.",
        "eda",
        "-i",
        "{temp}/d.csv",
        "-o",
        "/proc/mhi-eda"
    )]
    [InlineData(
        "--out {temp}/file.txt is a file; give a folder to write into.",
        "eda",
        "-i",
        "{temp}/d.csv",
        "-o",
        "{temp}/file.txt"
    )]
    [InlineData(
        "--out /proc/mhi-train cannot be written: the folder /proc does not accept new files.",
        "train",
        "-i",
        "{temp}/d.csv",
        "-o",
        "/proc/mhi-train",
        "--no-track"
    )]
    [InlineData(
        "--output {folder} is a folder; give the path of a file to write.",
        "batch",
        "-i",
        "{temp}/d.csv",
        "-o",
        "{folder}",
        "--raw-ids"
    )]
    public async Task UnusableOutput_RefusedUpFrontNamingThePath(
        string expected,
        params string[] args
    )
    {
        using var temp = new TempFolder();
        var folder = temp.File("a-folder");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(temp.File("d.csv"), "User_ID\n");
        await File.WriteAllTextAsync(temp.File("file.txt"), "x");
        string Fill(string text) => text.Replace("{folder}", folder).Replace("{temp}", temp.Path);

        var result = await CliHarness.RunAsync([.. args.Select(Fill)]);

        Assert.Equal(1, result.ExitCode);
        // One line and nothing before it: no progress, so the input was not read.
        Assert.Equal("error: " + Fill(expected), result.Error.Trim());
        Assert.Empty(result.Output);
        Assert.Equal(
            ["a-folder", "d.csv", "file.txt"],
            Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order()
        );
    }
}
