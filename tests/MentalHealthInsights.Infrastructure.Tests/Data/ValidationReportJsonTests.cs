using System.Text.Json;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Infrastructure.Tests.Data;

public class ValidationReportJsonTests
{
    [Fact]
    public void Serialize_ReadReport_UsesCamelCaseKeysAndReasonNames()
    {
        var report = CsvText
            .Read(
                CsvText.File(
                    CsvText.Row("U1"),
                    CsvText.Row("U1"),
                    "U2,,Agender,IT,USA,Yes,,No,Low,7,40,3"
                )
            )
            .Report;

        var json = ValidationReportJson.Serialize(report);

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("rowsRead").GetInt64());
        Assert.Equal(2, root.GetProperty("rowsAccepted").GetInt64());
        Assert.Equal(1, root.GetProperty("rowsRejected").GetInt64());
        Assert.Equal(
            1,
            root.GetProperty("rejectsByReason").GetProperty("DuplicateUserId").GetInt64()
        );
        Assert.Equal(1, root.GetProperty("missingByColumn").GetProperty("Age").GetInt64());
        Assert.Equal(12, root.GetProperty("missingByColumn").EnumerateObject().Count());
        Assert.Equal(
            1,
            root.GetProperty("unknownCategoriesMapped").GetProperty("Gender").GetInt64()
        );
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("fatalError").ValueKind);
        Assert.True(root.GetProperty("reconciles").GetBoolean());
        Assert.Contains("\n  \"rowsRead\": 3,", json, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', json);
    }

    [Fact]
    public void Serialize_FatalReport_CarriesTheMessage()
    {
        var report = new ValidationReport { FatalError = "The file is empty.", Warnings = ["w"] };

        using var doc = JsonDocument.Parse(ValidationReportJson.Serialize(report));

        Assert.Equal("The file is empty.", doc.RootElement.GetProperty("fatalError").GetString());
        Assert.False(doc.RootElement.GetProperty("isReadable").GetBoolean());
        Assert.Equal("w", doc.RootElement.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public void Serialize_AnyReport_HasTheDocumentedTopLevelKeysInOrder()
    {
        using var doc = JsonDocument.Parse(ValidationReportJson.Serialize(new ValidationReport()));

        Assert.Equal(
            [
                "rowsRead",
                "rowsAccepted",
                "rowsRejected",
                "rejectsByReason",
                "missingByColumn",
                "unknownCategoriesMapped",
                "warnings",
                "fatalError",
                "isReadable",
                "reconciles",
            ],
            doc.RootElement.EnumerateObject().Select(p => p.Name)
        );
    }
}
