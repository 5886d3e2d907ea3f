using System.Text;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Monitoring.Simulation;

namespace MentalHealthInsights.Core.Tests.Monitoring.Simulation;

public sealed class LabelFileWriterTests
{
    [Fact]
    public void Write_Records_WritesIdsAndOutcomesWithLfAndQuotesWhenNeeded()
    {
        MentalHealthRecord Record(string id, bool condition) =>
            new()
            {
                UserId = id,
                Gender = "Male",
                Occupation = "IT",
                Country = "UK",
                HasCondition = condition,
            };
        using var stream = new MemoryStream();

        var rows = LabelFileWriter.Write([Record("7", true), Record("a,\"b\"", false)], stream);

        Assert.Equal(2, rows);
        Assert.Equal(
            "User_ID,Mental_Health_Condition\n7,Yes\n\"a,\"\"b\"\"\",No\n",
            Encoding.UTF8.GetString(stream.ToArray())
        );
    }
}
