using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Validation;

namespace MentalHealthInsights.Core.Tests.Data.Validation;

public class ColumnMapTests
{
    [Fact]
    public void FromHeader_SchemaOrder_MapsEachColumnToItsPosition()
    {
        var map = ColumnMap.FromHeader(DatasetSchema.Columns);

        Assert.True(map.IsComplete);
        Assert.Equal(12, map.FieldCount);
        for (var i = 0; i < DatasetSchema.Columns.Count; i++)
        {
            Assert.Equal(i, map.FieldIndexOf(DatasetSchema.Columns[i]));
        }
    }

    [Fact]
    public void FromHeader_ShuffledColumns_MapsByName()
    {
        var shuffled = DatasetSchema.Columns.Reverse().ToArray();

        var map = ColumnMap.FromHeader(shuffled);

        Assert.True(map.IsComplete);
        Assert.Equal(11, map.FieldIndexOf(DatasetSchema.UserId));
        Assert.Equal(0, map.FieldIndexOf(DatasetSchema.PhysicalActivityHours));
        Assert.Equal(DatasetSchema.UserId, map.FieldName(11));
    }

    [Theory]
    [InlineData(" user_id ")]
    [InlineData("USER_ID")]
    [InlineData("User ID")]
    [InlineData("userid")]
    [InlineData("\tUser_Id\t")]
    [InlineData("\uFEFFUser_ID")]
    public void FromHeader_CaseAndWhitespaceVariants_MatchTheSchemaName(string written)
    {
        var header = DatasetSchema.Columns.ToArray();
        header[0] = written;

        var map = ColumnMap.FromHeader(header);

        Assert.True(map.IsComplete);
        Assert.Equal(0, map.FieldIndexOf(DatasetSchema.UserId));
        Assert.Equal(DatasetSchema.UserId, map.FieldName(0));
    }

    [Fact]
    public void FromHeader_ExtraColumns_AreListedAndNamedAsWritten()
    {
        string[] header = ["Notes", .. DatasetSchema.Columns, " Score "];

        var map = ColumnMap.FromHeader(header);

        Assert.True(map.IsComplete);
        Assert.Equal(14, map.FieldCount);
        Assert.Equal(["Notes", "Score"], map.ExtraColumns);
        Assert.Equal("Notes", map.FieldName(0));
        Assert.Equal("Score", map.FieldName(13));
        Assert.Equal(string.Empty, map.FieldName(14));
        Assert.Equal(1, map.FieldIndexOf(DatasetSchema.UserId));
    }

    [Fact]
    public void FromHeader_MissingColumns_AreNamedInSchemaOrder()
    {
        var header = DatasetSchema
            .Columns.Where(c => c != DatasetSchema.Country && c != DatasetSchema.Age)
            .ToArray();

        var map = ColumnMap.FromHeader(header);

        Assert.False(map.IsComplete);
        Assert.Equal([DatasetSchema.Age, DatasetSchema.Country], map.MissingColumns);
        Assert.Equal(-1, map.FieldIndexOf(DatasetSchema.Age));
    }

    [Fact]
    public void FromHeader_ColumnNamedTwice_IsReportedAsDuplicated()
    {
        string[] header = [.. DatasetSchema.Columns, "AGE"];

        var map = ColumnMap.FromHeader(header);

        Assert.False(map.IsComplete);
        Assert.Empty(map.MissingColumns);
        Assert.Equal([DatasetSchema.Age], map.DuplicatedColumns);
    }

    [Fact]
    public void FromHeader_SemicolonHeaderInOneField_MissesEveryColumn()
    {
        var map = ColumnMap.FromHeader([string.Join(';', DatasetSchema.Columns)]);

        Assert.Equal(DatasetSchema.Columns, map.MissingColumns);
    }
}
