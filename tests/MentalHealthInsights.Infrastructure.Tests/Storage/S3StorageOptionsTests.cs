using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Tests.Storage;

public sealed class S3StorageOptionsTests
{
    private static S3StorageOptions From(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return S3StorageOptions.FromVariables(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void FromVariables_Nothing_AwsDefaults()
    {
        var options = From();

        Assert.Null(options.ServiceUrl);
        Assert.Null(options.Region);
        Assert.False(options.UsesPathStyle);
        Assert.Equal(8 * 1024 * 1024, options.PartSizeBytes);
    }

    [Fact]
    public void FromVariables_S3EndpointWinsOverGeneric_PathStyleByDefault()
    {
        var options = From(
            ("AWS_ENDPOINT_URL", "http://generic:1"),
            ("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:4568"),
            ("AWS_DEFAULT_REGION", "eu-west-1")
        );

        Assert.Equal(new Uri("http://127.0.0.1:4568"), options.ServiceUrl);
        Assert.True(options.UsesPathStyle);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(
            "us-east-1",
            S3Connection.CreateConfig(options with { Region = null }).AuthenticationRegion
        );
    }

    [Fact]
    public void FromVariables_ExplicitSettings_Honoured()
    {
        var options = From(
            ("AWS_ENDPOINT_URL", "https://minio.internal:9000"),
            ("AWS_REGION", "eu-central-1"),
            ("AWS_DEFAULT_REGION", "us-west-2"),
            ("MHI_S3_FORCE_PATH_STYLE", "false"),
            ("MHI_S3_PART_SIZE_MB", "16")
        );

        Assert.False(options.UsesPathStyle);
        Assert.Equal("eu-central-1", options.Region);
        Assert.Equal(16 * 1024 * 1024, options.PartSizeBytes);
    }

    [Theory]
    [InlineData("AWS_ENDPOINT_URL", "ftp://x")]
    [InlineData("AWS_ENDPOINT_URL", "not a url")]
    [InlineData("MHI_S3_FORCE_PATH_STYLE", "yes")]
    [InlineData("MHI_S3_PART_SIZE_MB", "4")]
    [InlineData("MHI_S3_PART_SIZE_MB", "x")]
    public void FromVariables_Malformed_ArgumentExceptionNamingVariable(string name, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => From((name, value)));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
