using System.Text.Json;
using MentalHealthInsights.Core.Training.Metrics;
using MentalHealthInsights.Core.Training.Reports;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting.Training;

public class TrainingReportWriterJsonTests
{
    [Fact]
    public void Write_Json_ParsesAndRoundTripsEachModelsRocAucAndInterval()
    {
        using var dir = new TempDirectory();
        var report = TrainingReportTestData.Realistic();

        var output = TrainingReportWriterTests.Write(report, dir);
        using var json = JsonDocument.Parse(File.ReadAllText(output.JsonPath));

        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.False(root.GetProperty("noModelBeatsChance").GetBoolean());
        Assert.Equal(14, root.GetProperty("plots").GetArrayLength());
        var r = root.GetProperty("report");
        Assert.Equal("Completed", r.GetProperty("outcome").GetString());
        Assert.Equal(report.Headline, r.GetProperty("headline").GetString());
        var models = r.GetProperty("models");
        Assert.Equal(report.Models.Count, models.GetArrayLength());
        for (int i = 0; i < report.Models.Count; i++)
        {
            var expected = report.Models[i];
            var test = models[i].GetProperty("test");
            Assert.Equal(expected.Name, models[i].GetProperty("name").GetString());
            Assert.Equal(
                expected.Test.Metrics.RocAuc,
                test.GetProperty("metrics").GetProperty("rocAuc").GetDouble()
            );
            var interval = test.GetProperty("intervals").GetProperty(MetricNames.RocAuc);
            var want = expected.Test.Intervals[MetricNames.RocAuc];
            Assert.Equal(want.Estimate, interval.GetProperty("estimate").GetDouble());
            Assert.Equal(want.Lower, interval.GetProperty("lower").GetDouble());
            Assert.Equal(want.Upper, interval.GetProperty("upper").GetDouble());
            Assert.Equal(
                expected.Test.Metrics.Confusion.TruePositives,
                test.GetProperty("metrics")
                    .GetProperty("confusion")
                    .GetProperty("truePositives")
                    .GetInt64()
            );
        }

        // The ROC curve's first threshold is +∞ and a categorical contribution's correlation NaN: written as strings.
        Assert.Equal(
            "Infinity",
            models[1]
                .GetProperty("test")
                .GetProperty("rocCurve")[0]
                .GetProperty("threshold")
                .GetString()
        );
        Assert.Equal(
            "NaN",
            models[1].GetProperty("contributions")[0].GetProperty("correlation").GetString()
        );
    }

    [Fact]
    public void Write_NoSignalJson_SaysNoModelBeatsChance()
    {
        using var dir = new TempDirectory();

        var output = TrainingReportWriterTests.Write(TrainingReportTestData.NoSignal(), dir);
        using var json = JsonDocument.Parse(File.ReadAllText(output.JsonPath));

        Assert.True(json.RootElement.GetProperty("noModelBeatsChance").GetBoolean());
        Assert.Equal(
            TrainingReport.NoSignalHeadline,
            json.RootElement.GetProperty("report").GetProperty("headline").GetString()
        );
    }

    [Fact]
    public void Write_StoppedForLeakageJson_KeepsTheLeakageCheck()
    {
        using var dir = new TempDirectory();

        var output = TrainingReportWriterTests.Write(
            TrainingReportTestData.StoppedForLeakage(),
            dir
        );
        using var json = JsonDocument.Parse(File.ReadAllText(output.JsonPath));

        var report = json.RootElement.GetProperty("report");
        Assert.Equal("StoppedForSuspectedLeakage", report.GetProperty("outcome").GetString());
        Assert.Equal(0, report.GetProperty("models").GetArrayLength());
        Assert.Equal(
            "Consultation_History",
            report.GetProperty("leakage").GetProperty("suspectedColumns")[0].GetString()
        );
        Assert.True(report.GetProperty("leakage").GetProperty("fired").GetBoolean());
        Assert.Equal(
            0.991,
            report
                .GetProperty("leakage")
                .GetProperty("columns")[4]
                .GetProperty("crossValidatedAuc")
                .GetDouble(),
            12
        );
        Assert.False(json.RootElement.GetProperty("noModelBeatsChance").GetBoolean());
    }
}
