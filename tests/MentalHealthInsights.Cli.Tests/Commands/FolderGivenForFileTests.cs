namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>
/// A folder where a command reads a file is refused in words (exit 2), never with .NET's
/// "Access to the path … is denied." that opening a folder as a file gives.
/// </summary>
public sealed class FolderGivenForFileTests
{
    [Theory]
    [InlineData("alert configuration", "alerts", "check", "--config", "{folder}")]
    [InlineData("input file", "data", "validate", "-i", "{folder}")]
    [InlineData("input file", "eda", "-i", "{folder}", "-o", "{temp}/eda")]
    [InlineData("pipelines settings file", "pipeline", "runs", "--config", "{folder}")]
    [InlineData(
        "alert configuration",
        "monitor",
        "-r",
        "{temp}/d.csv",
        "-c",
        "{temp}/d.csv",
        "-o",
        "{temp}/m",
        "--no-track",
        "--alerts",
        "{folder}"
    )]
    [InlineData(
        "reference profile",
        "monitor",
        "-r",
        "{temp}/d.csv",
        "-c",
        "{temp}/d.csv",
        "-o",
        "{temp}/m",
        "--no-track",
        "--no-alerts",
        "--reference-profile",
        "{folder}"
    )]
    [InlineData(
        "reference file",
        "monitor",
        "-r",
        "{folder}",
        "-c",
        "{temp}/d.csv",
        "-o",
        "{temp}/m",
        "--no-track",
        "--no-alerts"
    )]
    [InlineData(
        "current file",
        "monitor",
        "-r",
        "{temp}/d.csv",
        "-c",
        "{folder}",
        "-o",
        "{temp}/m",
        "--no-track",
        "--no-alerts"
    )]
    public async Task FolderForAFile_SaysItIsAFolderExitCode2(string what, params string[] args)
    {
        using var temp = new TempFolder();
        var folder = temp.File("a-folder");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(temp.File("d.csv"), "not read\n");

        var result = await CliHarness.RunAsync([
            .. args.Select(a => a.Replace("{folder}", folder).Replace("{temp}", temp.Path)),
        ]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: {what} {folder} is a folder, not a file; give the path of a file.",
            result.Error.Trim()
        );
    }
}
