using MentalHealthInsights.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace MentalHealthInsights.Server.Tests.Hosting;

/// <summary>
/// A setting of the wrong type is a problem that refuses the start, like any other — not an
/// exception while the host is built (which reached the user as a stack trace, exit code 134).
/// </summary>
public sealed class ServerSettingsTests
{
    private const string Key = "a-test-key-of-32-bytes-long-0123";

    [Theory]
    [InlineData("RateLimiting:PermitLimit", "abc", "System.Int32")]
    [InlineData("RateLimiting:Window", "soon", "System.TimeSpan")]
    [InlineData("Serving:MaxBodyBytes", "1e99", "System.Int32")]
    [InlineData("PredictionLog:Enabled", "perhaps", "System.Boolean")]
    [InlineData("Hosting:StopWhenStdinCloses", "maybe", "System.Boolean")]
    public void From_ValueOfTheWrongType_OneProblemNamingSettingAndType(
        string setting,
        string value,
        string type
    )
    {
        var settings = From((setting, value));

        var problem = Assert.Single(settings.Problems);
        Assert.Contains($"'{value}' at '{setting}'", problem, StringComparison.Ordinal);
        Assert.Contains(type, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void From_BadSectionValue_OtherSectionsStillBound()
    {
        var settings = From(("RateLimiting:PermitLimit", "abc"), ("Serving:MaxBatchRecords", "7"));

        Assert.Single(settings.Problems);
        Assert.Equal(7, settings.Serving.MaxBatchRecords);
        Assert.Equal(new RateLimitingOptions(), settings.RateLimiting);
    }

    [Fact]
    public void From_ValidValues_NoProblem()
    {
        var settings = From(
            ("RateLimiting:PermitLimit", "5"),
            ("Hosting:StopWhenStdinCloses", "true")
        );

        Assert.Empty(settings.Problems);
        Assert.Equal(5, settings.RateLimiting.PermitLimit);
        Assert.True(settings.StopWhenStdinCloses);
    }

    [Theory]
    [InlineData(null, "from-variable")]
    [InlineData("from-settings", "from-settings")]
    public void From_AdminKey_ConfiguredElseMhiAdminApiKey(string? configured, string expected)
    {
        var settings = ServerSettings.From(
            new ConfigurationBuilder()
                .AddInMemoryCollection([KeyValuePair.Create("Admin:ApiKey", configured)])
                .Build(),
            name => name == "MHI_ADMIN_API_KEY" ? "from-variable" : null
        );

        Assert.Equal(expected, settings.AdminApiKey);
    }

    [Fact]
    public void From_PseudonymisationKeyOfOnlySpaces_IsAProblem()
    {
        var settings = ServerSettings.From(
            new ConfigurationBuilder()
                .AddInMemoryCollection([
                    KeyValuePair.Create(
                        "PredictionLog:PseudonymisationKey",
                        (string?)new string(' ', 32)
                    ),
                ])
                .Build(),
            _ => null
        );

        Assert.Contains(
            settings.Problems,
            p => p.Contains("MHI_PSEUDONYMISATION_KEY", StringComparison.Ordinal)
        );
    }

    // The settings of these values and a valid pseudonymisation key.
    private static ServerSettings From(params (string Key, string Value)[] values) =>
        ServerSettings.From(
            new ConfigurationBuilder()
                .AddInMemoryCollection([
                    KeyValuePair.Create("PredictionLog:PseudonymisationKey", (string?)Key),
                    .. values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)),
                ])
                .Build()
        );
}
