using System.Text.Json;

namespace MentalHealthInsights.Cli.Tests.Hosting;

/// <summary>
/// The runtime settings mhi ships with (mhi.runtimeconfig.json, from the Cli project file). Each
/// was measured (see the project file and docs/batch-scoring.md); these tests keep a build from
/// losing one silently.
/// </summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void RuntimeConfig_StartsCountingCallsAfter10Ms()
    {
        Assert.Equal(
            "10",
            Property("System.Runtime.TieredCompilation.CallCountingDelayMs").ToString()
        );
    }

    [Fact]
    public void RuntimeConfig_DynamicPgoOff()
    {
        Assert.Equal(JsonValueKind.False, Property("System.Runtime.TieredPGO").ValueKind);
    }

    private static JsonElement Property(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "mhi.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var properties = document
            .RootElement.GetProperty("runtimeOptions")
            .GetProperty("configProperties");
        Assert.True(
            properties.TryGetProperty(name, out var value),
            $"{name} is missing from {path}"
        );
        return value.Clone();
    }
}
