using System.Text;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

namespace MentalHealthInsights.Cli.Tests.Commands;

[Collection(KeyCollection)]
public sealed class LabelsImportCommandTests
{
    /// <summary>Test classes that set MHI_PSEUDONYMISATION_KEY for the CLI run one at a time.</summary>
    public const string KeyCollection = "MHI_PSEUDONYMISATION_KEY";

    private const string Key = "labels-import-test-key-0123456789";

    // A labels file of one valid row (for tests about everything but its content).
    private const string OneLabel = "User_ID,Mental_Health_Condition\na,Yes\n";

    [Fact]
    public async Task Import_CsvOfOutcomes_AttachesByPseudonymAndCountsRejects()
    {
        using var temp = new TempFolder();
        var logPath = temp.File("predictions.db");
        var store = new SqlitePredictionLogStore(logPath);
        var pseudonymiser = new SubjectPseudonymiser(Encoding.UTF8.GetBytes(Key));
        await store.AppendAsync(
            [
                Entry(pseudonymiser.Pseudonymise("a")),
                Entry(pseudonymiser.Pseudonymise("b")),
                Entry(null),
            ],
            CancellationToken.None
        );
        await File.WriteAllTextAsync(
            temp.File("labels.csv"),
            "User_ID,Age,Mental_Health_Condition\na,30,Yes\nb,31,no\nc,32,Yes\n,33,Yes\nd,34,Maybe\n"
        );
        var result = await ImportAsync(temp.File("labels.csv"), logPath, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "{\"read\":5,\"accepted\":3,\"rejected\":2,\"matched\":2,\"unmatched\":1,\"duplicates\":0,\"conflicting\":0,\"predictionsUpdated\":2}",
            Counts(result.Output)
        );
        var outcomes = new List<bool?>();
        await foreach (
            var entry in store.ReadAsync(new PredictionLogQuery(), CancellationToken.None)
        )
        {
            outcomes.Add(entry.Outcome);
        }
        Assert.Equal([true, false, null], outcomes);
    }

    [Fact]
    public async Task Import_FileWithoutOutcomeColumn_ExitCode2()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("labels.csv"), "User_ID,Age\na,30\n");
        await CreateLogAsync(temp.File("p.db"));
        var result = await ImportAsync(temp.File("labels.csv"), temp.File("p.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Mental_Health_Condition", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FolderGivenAsTheFile_SaysItIsAFolderExitCode2()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("labels"));
        await CreateLogAsync(temp.File("p.db"));

        var result = await ImportAsync(temp.File("labels"), temp.File("p.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: labels file {temp.File("labels")} is a folder, not a file; give the path of a file.",
            result.Error.Trim()
        );
    }

    [Fact]
    public async Task Import_NoLogAtThePath_ExitCode2AndCreatesNone()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("labels.csv"), OneLabel);

        var result = await ImportAsync(temp.File("labels.csv"), temp.File("p.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            $"No prediction log at '{temp.File("p.db")}'",
            result.Error,
            StringComparison.Ordinal
        );
        Assert.False(File.Exists(temp.File("p.db")));
    }

    [Theory]
    [InlineData("file")]
    [InlineData("folder")]
    public async Task Import_LogThatIsNotADatabase_ExitCode2OneLine(string kind)
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("labels.csv"), OneLabel);
        var log = temp.File("notadb");
        if (kind == "file")
        {
            await File.WriteAllTextAsync(log, OneLabel);
        }
        else
        {
            Directory.CreateDirectory(log);
        }

        var result = await ImportAsync(temp.File("labels.csv"), log);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(log, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ColumnNamedTwice_ExitCode2NamingIt()
    {
        using var temp = new TempFolder();
        await CreateLogAsync(temp.File("p.db"));
        await File.WriteAllTextAsync(
            temp.File("labels.csv"),
            "User_ID,User_ID,Mental_Health_Condition\na,a,Yes\n"
        );

        var result = await ImportAsync(temp.File("labels.csv"), temp.File("p.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "Column(s) named more than once in the header: User_ID.",
            result.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Import_UnclosedQuoteMakingARowOver16MB_ExitCode2NamingTheLine()
    {
        using var temp = new TempFolder();
        await CreateLogAsync(temp.File("p.db"));
        await File.WriteAllTextAsync(
            temp.File("labels.csv"),
            "User_ID,Mental_Health_Condition\na,Yes\n\n\"b" + new string('x', 17_000_000) + "\n"
        );

        var result = await ImportAsync(temp.File("labels.csv"), temp.File("p.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: {temp.File("labels.csv")}: reading stopped at line 4: the row starting there is longer than 1,048,576 characters, usually because a quote (\") is never closed. Outcomes of earlier rows may already be attached.",
            result.Error.Trim()
        );
    }

    [Fact]
    public async Task Import_UnclosedQuoteSwallowingOver1MB_ExitCode2NamingTheLineAsMhiBatch()
    {
        using var temp = new TempFolder();
        var logPath = temp.File("p.db");
        var pseudonymiser = new SubjectPseudonymiser(Encoding.UTF8.GetBytes(Key));
        await new SqlitePredictionLogStore(logPath).AppendAsync(
            [Entry(pseudonymiser.Pseudonymise("a")), Entry(pseudonymiser.Pseudonymise("c"))],
            CancellationToken.None
        );
        // About 1.2 million characters after the quote: under Sep's limit, over mhi batch's.
        var rest = string.Concat(Enumerable.Repeat("c,Yes,no notes\n", 80_000));
        await File.WriteAllTextAsync(
            temp.File("labels.csv"),
            "User_ID,Mental_Health_Condition,Notes\na,Yes,\n\"b,No,\n" + rest
        );

        var result = await ImportAsync(temp.File("labels.csv"), logPath);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: {temp.File("labels.csv")}: reading stopped at line 3: the row starting there is longer than 1,048,576 characters, usually because a quote (\") is never closed. Outcomes of earlier rows may already be attached.",
            result.Error.Trim()
        );
        // The rejects file is never partial: it does not appear.
        Assert.False(File.Exists(temp.File("labels.label-rejects.csv")));
    }

    [Theory]
    [InlineData("user_id,mental_health_condition")]
    [InlineData(" User ID , Mental Health Condition ")]
    [InlineData("USERID,MentalHealthCondition")]
    [InlineData("\uFEFFUser_Id,MENTAL_HEALTH_CONDITION")]
    public async Task Import_HeaderNamesSpelledAsDataValidateMatchesThem_Attaches(string header)
    {
        using var temp = new TempFolder();
        var logPath = temp.File("p.db");
        var pseudonymiser = new SubjectPseudonymiser(Encoding.UTF8.GetBytes(Key));
        await new SqlitePredictionLogStore(logPath).AppendAsync(
            [Entry(pseudonymiser.Pseudonymise("a")), Entry(pseudonymiser.Pseudonymise("b"))],
            CancellationToken.None
        );
        await File.WriteAllTextAsync(temp.File("labels.csv"), header + "\na,Yes\nb,No\n");

        var result = await ImportAsync(temp.File("labels.csv"), logPath, "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(
            "{\"read\":2,\"accepted\":2,\"rejected\":0,\"matched\":2,\"unmatched\":0,\"duplicates\":0,\"conflicting\":0,\"predictionsUpdated\":2}",
            Counts(result.Output)
        );
        Assert.Equal([true, false], await OutcomesAsync(logPath));
    }

    [Fact]
    public async Task Import_ColumnNamedTwiceInAnotherSpelling_ExitCode2NamingIt()
    {
        using var temp = new TempFolder();
        await CreateLogAsync(temp.File("p.db"));
        await File.WriteAllTextAsync(
            temp.File("labels.csv"),
            "User_ID,Mental_Health_Condition,mental health condition\na,Yes,No\n"
        );

        var result = await ImportAsync(temp.File("labels.csv"), temp.File("p.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            "Column(s) named more than once in the header: Mental_Health_Condition.",
            result.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Import_OverLongIdAndBytesThatAreNotUtf8_RejectedWithTheValidatorsReasons()
    {
        using var temp = new TempFolder();
        var logPath = temp.File("p.db");
        var pseudonymiser = new SubjectPseudonymiser(Encoding.UTF8.GetBytes(Key));
        await new SqlitePredictionLogStore(logPath).AppendAsync(
            [Entry(pseudonymiser.Pseudonymise("a")), Entry(pseudonymiser.Pseudonymise("d"))],
            CancellationToken.None
        );
        var longId = new string('x', 1025); // the validator's MaxFieldLength is 1,024
        var file = new MemoryStream();
        void Line(params byte[][] parts)
        {
            foreach (var part in parts)
            {
                file.Write(part);
            }
            file.WriteByte((byte)'\n');
        }
        static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
        Line(Text("User_ID,Notes,Mental_Health_Condition"));
        Line(Text("a,,Yes"));
        Line(Text(longId + ",,Yes"));
        Line(Text("b"), [0xFF], Text(",,No")); // an invalid byte in the id
        Line(Text("c,n"), [0xC3], Text(",No")); // a truncated sequence in an extra column
        Line(Text("d,,No"));
        await File.WriteAllBytesAsync(temp.File("labels.csv"), file.ToArray());

        var result = await ImportAsync(
            temp.File("labels.csv"),
            logPath,
            "--json",
            "--rejects",
            temp.File("r.csv")
        );

        Assert.Equal(0, result.ExitCode);
        // read 5 = accepted 2 + rejected 3.
        Assert.Equal(
            "{\"read\":5,\"accepted\":2,\"rejected\":3,\"matched\":2,\"unmatched\":0,\"duplicates\":0,\"conflicting\":0,\"predictionsUpdated\":2}",
            Counts(result.Output)
        );
        Assert.Equal(
            "line,reason,column,original\n"
                + $"3,FieldTooLong,User_ID,\"{longId},,Yes\"\n"
                + "4,InvalidEncoding,User_ID,\"b\uFFFD,,No\"\n"
                + "5,InvalidEncoding,Notes,\"c,n\uFFFD,No\"\n",
            await File.ReadAllTextAsync(temp.File("r.csv"))
        );
        Assert.Equal([true, false], await OutcomesAsync(logPath));
    }

    [Fact]
    public async Task Import_Json_IndentedAsTheOtherCommandsJson()
    {
        using var temp = new TempFolder();
        await CreateLogAsync(temp.File("p.db"));
        await File.WriteAllTextAsync(temp.File("labels.csv"), OneLabel);

        var result = await ImportAsync(temp.File("labels.csv"), temp.File("p.db"), "--json");

        Assert.Equal(0, result.ExitCode);
        // The one style of --json output (JsonOutput): indented, as mhi batch and data validate.
        Assert.StartsWith(
            "{\n  \"read\": 1,\n  \"accepted\": 1,\n",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Equal(
            System
                .Text.Json.Nodes.JsonNode.Parse(result.Output)!
                .ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }),
            result.Output.TrimEnd('\n')
        );
    }

    [Fact]
    public async Task Import_BlankLines_AreNotRows()
    {
        using var temp = new TempFolder();
        await CreateLogAsync(temp.File("p.db"));
        await File.WriteAllTextAsync(
            temp.File("labels.csv"),
            "User_ID,Mental_Health_Condition\na,Yes\n\nb,No\n\n"
        );

        var result = await ImportAsync(temp.File("labels.csv"), temp.File("p.db"), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "{\"read\":2,\"accepted\":2,\"rejected\":0,\"matched\":0,\"unmatched\":2,\"duplicates\":0,\"conflicting\":0,\"predictionsUpdated\":0}",
            Counts(result.Output)
        );
    }

    [Fact]
    public async Task Import_RowsWithAnExtraOrAMissingField_RejectedAsWrongFieldCountWithTheirLines()
    {
        using var temp = new TempFolder();
        var logPath = temp.File("p.db");
        var pseudonymiser = new SubjectPseudonymiser(Encoding.UTF8.GetBytes(Key));
        await new SqlitePredictionLogStore(logPath).AppendAsync(
            [Entry(pseudonymiser.Pseudonymise("a")), Entry(pseudonymiser.Pseudonymise("v8"))],
            CancellationToken.None
        );
        await File.WriteAllTextAsync(
            temp.File("labels.csv"),
            "User_ID,Mental_Health_Condition\na,Yes\nv8,Yes,extra\nv8\n"
        );

        var result = await ImportAsync(
            temp.File("labels.csv"),
            logPath,
            "--rejects",
            temp.File("r.csv")
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "3 rows read: 1 accepted, 2 rejected",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Equal(
            "line,reason,column,original\n3,WrongFieldCount,,\"v8,Yes,extra\"\n4,WrongFieldCount,,v8\n",
            await File.ReadAllTextAsync(temp.File("r.csv"))
        );
        Assert.Equal([true, null], await OutcomesAsync(logPath));
    }

    [Fact]
    public async Task Import_SemicolonSeparatedFile_ExitCode2WithDataValidatesMessageAndAttachesNothing()
    {
        using var temp = new TempFolder();
        var logPath = temp.File("p.db");
        var pseudonymiser = new SubjectPseudonymiser(Encoding.UTF8.GetBytes(Key));
        await new SqlitePredictionLogStore(logPath).AppendAsync(
            [Entry(pseudonymiser.Pseudonymise("a"))],
            CancellationToken.None
        );
        await File.WriteAllTextAsync(
            temp.File("labels.csv"),
            "User_ID;Mental_Health_Condition\na;Yes\n"
        );

        var result = await ImportAsync(temp.File("labels.csv"), logPath);
        var validate = await CliHarness.RunAsync(
            "data",
            "validate",
            "-i",
            temp.File("labels.csv"),
            "--rejects",
            temp.File("v.csv")
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, validate.ExitCode);
        const string Message =
            "The file is not comma-separated: its header line is separated by semicolons (;). "
            + "Save it as CSV with commas between fields.";
        Assert.Contains(Message, validate.Error, StringComparison.Ordinal);
        Assert.Contains(Message, result.Error, StringComparison.Ordinal);
        Assert.Equal([null], await OutcomesAsync(logPath));
    }

    [Fact]
    public async Task Import_RejectedRows_DefaultRejectsFileBesideTheInputWithLinesAndReasons()
    {
        using var temp = new TempFolder();
        await CreateLogAsync(temp.File("p.db"));
        await File.WriteAllTextAsync(
            temp.File("labels.csv"),
            "User_ID,Mental_Health_Condition\nsecret-1,Yes\n,No\nsecret-2,\nsecret-3,Maybe\n"
        );

        var result = await ImportAsync(temp.File("labels.csv"), temp.File("p.db"), "--json");

        Assert.Equal(0, result.ExitCode);
        var rejectsPath = temp.File("labels.label-rejects.csv");
        Assert.Equal(
            "line,reason,column,original\n"
                + "3,MissingUserId,User_ID,\",No\"\n"
                + "4,MissingTarget,Mental_Health_Condition,\"secret-2,\"\n"
                + "5,InvalidTarget,Mental_Health_Condition,\"secret-3,Maybe\"\n",
            await File.ReadAllTextAsync(rejectsPath)
        );
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal(3, json.RootElement.GetProperty("rejected").GetInt64());
        Assert.Equal(rejectsPath, json.RootElement.GetProperty("rejectsPath").GetString());
        // Counts and the rejects file's path only: never an id or an outcome.
        Assert.DoesNotContain("secret", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Maybe", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DuplicateConflictingAndUnknownIds_CountsThatReconcile()
    {
        using var temp = new TempFolder();
        var logPath = temp.File("p.db");
        var pseudonymiser = new SubjectPseudonymiser(Encoding.UTF8.GetBytes(Key));
        await new SqlitePredictionLogStore(logPath).AppendAsync(
            [
                Entry(pseudonymiser.Pseudonymise("v3")),
                Entry(pseudonymiser.Pseudonymise("v4")),
                Entry(pseudonymiser.Pseudonymise("v4")),
            ],
            CancellationToken.None
        );
        // v3 Yes then No (conflicting), ghost (no prediction), v4 No twice (a duplicate).
        await File.WriteAllTextAsync(
            temp.File("dup_unknown.csv"),
            "User_ID,Mental_Health_Condition\nv3,Yes\nghost,No\nv3,No\nv4,No\nv4,No\n"
        );

        var json = await ImportAsync(temp.File("dup_unknown.csv"), logPath, "--json");
        var text = await ImportAsync(temp.File("dup_unknown.csv"), logPath);

        Assert.Equal(0, json.ExitCode);
        // read 5 = accepted 4 + rejected 1; accepted 4 = matched 2 + unmatched 1 + duplicates 1.
        Assert.Equal(
            "{\"read\":5,\"accepted\":4,\"rejected\":1,\"matched\":2,\"unmatched\":1,\"duplicates\":1,\"conflicting\":1,\"predictionsUpdated\":3}",
            Counts(json.Output)
        );
        Assert.Equal(
            "line,reason,column,original\n4,DuplicateUserId,User_ID,\"v3,No\"\n",
            await File.ReadAllTextAsync(temp.File("dup_unknown.label-rejects.csv"))
        );
        // The first label of v3 is kept.
        Assert.Equal([true, false, false], await OutcomesAsync(logPath));
        // Imported again: everything is labelled already, so nothing matches.
        Assert.Equal(0, text.ExitCode);
        Assert.Contains(
            "Of the accepted: 0 matched logged predictions, 3 unmatched",
            text.Output,
            StringComparison.Ordinal
        );
        Assert.Contains("1 conflicting", text.Output, StringComparison.Ordinal);
        Assert.Contains("0 logged predictions updated.", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("v3", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ghost", text.Output, StringComparison.Ordinal);
    }

    // The --json output without the rejects file's path (a temporary folder).
    private static string Counts(string output)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(output)!.AsObject();
        Assert.True(node.Remove("rejectsPath"));
        return node.ToJsonString();
    }

    private static async Task<List<bool?>> OutcomesAsync(string logPath)
    {
        var outcomes = new List<bool?>();
        await foreach (
            var entry in new SqlitePredictionLogStore(logPath).ReadAsync(
                new PredictionLogQuery(),
                CancellationToken.None
            )
        )
        {
            outcomes.Add(entry.Outcome);
        }
        return outcomes;
    }

    private static async Task CreateLogAsync(string path) =>
        await new SqlitePredictionLogStore(path).AppendAsync(
            [Entry("someone")],
            CancellationToken.None
        );

    [Theory]
    [InlineData("short")]
    [InlineData("                ")]
    [InlineData("\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t")]
    public async Task Import_KeyShortOrOnlyWhiteSpace_ExitCode1AndAttachesNothing(string key)
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("labels.csv"), OneLabel);
        await CreateLogAsync(temp.File("p.db"));

        var result = await ImportWithKeyAsync(key, temp.File("labels.csv"), temp.File("p.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not only spaces", result.Error, StringComparison.Ordinal);
    }

    private static Task<CliResult> ImportAsync(string file, string log, params string[] more) =>
        ImportWithKeyAsync(Key, file, log, more);

    private static async Task<CliResult> ImportWithKeyAsync(
        string key,
        string file,
        string log,
        params string[] more
    )
    {
        Environment.SetEnvironmentVariable(SubjectPseudonymiser.KeyVariable, key);
        try
        {
            return await CliHarness.RunAsync([
                "labels",
                "import",
                file,
                "--prediction-log",
                log,
                .. more,
            ]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SubjectPseudonymiser.KeyVariable, null);
        }
    }

    private static PredictionLogEntry Entry(string? subject) =>
        PredictionLogEntries.Minimal(
            subject,
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)
        );
}
