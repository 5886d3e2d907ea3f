using MentalHealthInsights.Core.Registry;

namespace MentalHealthInsights.Core.Tests.Registry;

public sealed class ModelReferenceTests
{
    [Theory]
    [InlineData("clf@champion", "clf", "champion", null)]
    [InlineData("clf/7", "clf", null, 7)]
    [InlineData("team/clf/2", "team/clf", null, 2)]
    [InlineData("clf", "clf", "champion", null)]
    public void TryParse_WithDefaultAlias_ReadsNameAliasAndVersion(
        string text,
        string name,
        string? alias,
        int? version
    )
    {
        Assert.Equal(
            new ModelReference(name, alias, version),
            ModelReference.TryParse(text, "champion")
        );
    }

    [Theory]
    [InlineData("clf")]
    [InlineData("clf/latest")]
    [InlineData("clf@")]
    [InlineData("")]
    public void TryParse_NotAReference_ReturnsNull(string text)
    {
        Assert.Null(ModelReference.TryParse(text));
    }
}
