using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Tests.Storage;

public sealed class S3ObjectUriTests
{
    [Theory]
    [InlineData("s3://data-bucket/raw/survey.csv", "data-bucket", "raw/survey.csv")]
    [InlineData("S3://data.bucket/x", "data.bucket", "x")]
    [InlineData("s3://abc", "abc", "")]
    [InlineData("s3://abc/", "abc", "")]
    [InlineData("s3://abc/prefix/", "abc", "prefix/")]
    public void Parse_ValidUri_BucketAndKey(string text, string bucket, string key)
    {
        var parsed = S3ObjectUri.Parse(text);

        Assert.Equal(bucket, parsed.Bucket);
        Assert.Equal(key, parsed.Key);
    }

    [Theory]
    [InlineData("s3://")]
    [InlineData("s3://ab/x")]
    [InlineData("s3://Upper/x")]
    [InlineData("s3://under_score/x")]
    [InlineData("s3://bucket//x")]
    [InlineData("/local/path")]
    public void Parse_InvalidUri_ArgumentException(string text)
    {
        Assert.Throws<ArgumentException>(() => S3ObjectUri.Parse(text));
    }

    [Fact]
    public void Child_AppendsWithOneSlash()
    {
        Assert.Equal(
            "s3://bucket/a/b/c.csv",
            S3ObjectUri.Parse("s3://bucket/a/").Child("b/c.csv").ToString()
        );
        Assert.Equal(
            "s3://bucket/c.csv",
            S3ObjectUri.Parse("s3://bucket").Child("c.csv").ToString()
        );
    }

    [Fact]
    public void DirectoryPrefix_KeyWithoutSlash_AddsSlash()
    {
        Assert.Equal("a/b/", S3ObjectUri.Parse("s3://bucket/a/b").DirectoryPrefix);
        Assert.Equal("", S3ObjectUri.Parse("s3://bucket").DirectoryPrefix);
    }
}
