using System.Text.Json;

namespace MentalHealthInsights.Cli.Tests.Commands;

public sealed class DataValidateCommandTests
{
    private const string Header =
        "User_ID,Age,Gender,Occupation,Country,Mental_Health_Condition,Severity,Consultation_History,Stress_Level,Sleep_Hours,Work_Hours,Physical_Activity_Hours";

    [Fact]
    public async Task Validate_GeneratedFile_AcceptsEveryRowAndWritesEmptyRejects()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "400", "-o", temp.File("d.csv"));

        var result = await CliHarness.RunAsync(
            "data",
            "validate",
            "--input",
            temp.File("d.csv"),
            "--rejects",
            temp.File("r.csv")
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Rows read 400 = accepted 400 + rejected 0", result.Output);
        Assert.Single(File.ReadAllLines(temp.File("r.csv")));
    }

    [Fact]
    public async Task Validate_BadRowsWithJson_CountsReconcileAndRejectsAreListed()
    {
        using var temp = new TempFolder();
        File.WriteAllText(
            temp.File("d.csv"),
            Header
                + "\n1,30,Male,IT,USA,Yes,Low,No,High,6.5,40,2"
                + "\n2,abc,Male,IT,USA,Yes,Low,No,High,6.5,40,2"
                + "\n3,30,Male,IT,USA,Maybe,Low,No,High,6.5,40,2"
                + "\n1,30,Male,IT,USA,No,None,No,Low,6.5,40,2\n"
        );

        var result = await CliHarness.RunAsync(
            "data",
            "validate",
            "-i",
            temp.File("d.csv"),
            "--rejects",
            temp.File("r.csv"),
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("rowsRead").GetInt64());
        Assert.Equal(1, root.GetProperty("rowsAccepted").GetInt64());
        Assert.Equal(3, root.GetProperty("rowsRejected").GetInt64());
        Assert.Equal(4, File.ReadAllLines(temp.File("r.csv")).Length);
    }

    [Fact]
    public async Task Validate_FailOnRejects_ReturnsInvalidData()
    {
        using var temp = new TempFolder();
        File.WriteAllText(
            temp.File("d.csv"),
            Header + "\n1,300,Male,IT,USA,Yes,Low,No,High,6.5,40,2\n"
        );

        var result = await CliHarness.RunAsync(
            "data",
            "validate",
            "-i",
            temp.File("d.csv"),
            "--rejects",
            temp.File("r.csv"),
            "--fail-on-rejects"
        );

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Validate_SemicolonFile_ReturnsInvalidDataWithOneClearLine()
    {
        using var temp = new TempFolder();
        File.WriteAllText(
            temp.File("d.csv"),
            Header.Replace(',', ';') + "\n1;30;Male;IT;USA;Yes;Low;No;High;6.5;40;2\n"
        );

        var result = await CliHarness.RunAsync(
            "data",
            "validate",
            "-i",
            temp.File("d.csv"),
            "--rejects",
            temp.File("r.csv")
        );

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            l => l.StartsWith("error: ", StringComparison.Ordinal)
        );
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Contains("comma", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Validate_UnreadableFile_ProgressStopsShortOf100Percent()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("d.csv"), "User_ID,Age\n1,30\n");

        var result = await CliHarness.RunAsync(
            "data",
            "validate",
            "-i",
            temp.File("d.csv"),
            "--rejects",
            temp.File("r.csv")
        );

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("validate: 100%", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingFile_ReturnsInvalidDataWithoutStackTrace()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync("data", "validate", "-i", temp.File("nope.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not found", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task Validate_RejectsIsTheInput_ReturnsUsageAndKeepsTheInput()
    {
        using var temp = new TempFolder();
        var input = temp.File("in.csv");
        await File.WriteAllTextAsync(input, "User_ID,Age\n1,30\n");

        var result = await CliHarness.RunAsync("data", "validate", "-i", input, "--rejects", input);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The rejects file must not be the input file.", result.Error);
        Assert.Equal("User_ID,Age\n1,30\n", await File.ReadAllTextAsync(input));
    }

    [Fact]
    public async Task Validate_RangeOverride_RejectsRowsOutsideTheNewRange()
    {
        using var temp = new TempFolder();
        File.WriteAllText(
            temp.File("d.csv"),
            Header + "\n1,70,Male,IT,USA,Yes,Low,No,High,6.5,40,2\n"
        );

        var defaults = await CliHarness.RunAsync(
            "data",
            "validate",
            "-i",
            temp.File("d.csv"),
            "--rejects",
            temp.File("r1.csv")
        );
        var narrowed = await CliHarness.RunAsync(
            "data",
            "validate",
            "-i",
            temp.File("d.csv"),
            "--rejects",
            temp.File("r2.csv"),
            "--range",
            "Age=18:65"
        );

        Assert.Contains("accepted 1 ", defaults.Output);
        Assert.Contains("accepted 0 ", narrowed.Output);
        Assert.Contains("OutOfRange", File.ReadAllText(temp.File("r2.csv")));
    }

    [Theory]
    [InlineData("Age=65:18")]
    [InlineData("Height=1:2")]
    [InlineData("Age")]
    public async Task Validate_MalformedRange_ReturnsUsage(string range)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("d.csv"), Header + "\n");

        var result = await CliHarness.RunAsync(
            "data",
            "validate",
            "-i",
            temp.File("d.csv"),
            "--range",
            range
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--range", result.Error);
    }
}
