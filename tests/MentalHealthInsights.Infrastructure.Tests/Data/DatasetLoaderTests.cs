using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Infrastructure.Tests.Data;

public class DatasetLoaderTests
{
    [Fact]
    public void Load_MixedFile_ReturnsAcceptedRecordsInOrderAndTheReport()
    {
        using var dir = new TempDirectory();
        var input = dir.Write(
            "in.csv",
            CsvText.File(CsvText.Row("B"), "A,bad", CsvText.Row("A"), CsvText.Row("C"))
        );

        var loaded = DatasetLoader.Load(input, rejectsPath: dir.File("rejects.csv"));

        Assert.Equal(["B", "A", "C"], loaded.Records.Select(r => r.UserId));
        Assert.Equal(loaded.Records.Count, loaded.Report.RowsAccepted);
        Assert.Equal(1, loaded.Report.RowsRejected);
        Assert.True(File.Exists(dir.File("rejects.csv")));
    }

    [Fact]
    public void Load_Options_AreApplied()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.csv", CsvText.File(CsvText.Row()));

        var loaded = DatasetLoader.Load(
            input,
            new ValidationOptions { Age = new NumericRange(40, 60) }
        );

        Assert.Empty(loaded.Records);
        Assert.Equal(1, loaded.Report.RejectsByReason[RejectReason.OutOfRange]);
    }

    [Fact]
    public void Load_WrongSeparator_ReturnsNoRecordsAndFatalError()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.csv", CsvText.File(CsvText.Row()).Replace(',', ';'));

        var loaded = DatasetLoader.Load(input);

        Assert.Empty(loaded.Records);
        Assert.False(loaded.Report.IsReadable);
    }
}
