using System.Text.Json.Nodes;

namespace MentalHealthInsights.Infrastructure.Tests.Terraform;

/// <summary>
/// infra/terraform parsed once per test class: every <c>.tf</c> file plus the remote-state and
/// tfvars examples, merged into one view of resources and data sources by type and name.
/// </summary>
public sealed class TerraformConfiguration : IAsyncLifetime
{
    public static string Folder =>
        Path.Combine(S3rverFixture.RepositoryRoot(), "infra", "terraform");

    /// <summary>Parsed files by name.</summary>
    public JsonObject Files { get; private set; } = [];

    /// <summary>The .tf files found.</summary>
    public IReadOnlyList<string> TfFiles { get; private set; } = [];

    public async Task InitializeAsync()
    {
        TfFiles = [.. Directory.EnumerateFiles(Folder, "*.tf").Order(StringComparer.Ordinal)];
        var (files, error) = await Hcl2Json.ParseAsync([
            .. TfFiles,
            Path.Combine(Folder, "backend.tf.example"),
            Path.Combine(Folder, "terraform.tfvars.example"),
        ]);
        Files = files ?? throw new InvalidOperationException("Terraform does not parse: " + error);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every block of <paramref name="kind"/> ("resource" or "data") of <paramref name="type"/>, by name.</summary>
    public IReadOnlyList<(string Name, JsonObject Body)> Blocks(string kind, string type)
    {
        var blocks = new List<(string, JsonObject)>();
        foreach (var (file, content) in Files)
        {
            if (!file.EndsWith(".tf", StringComparison.Ordinal))
            {
                continue;
            }
            if (content?[kind]?[type] is JsonObject byName)
            {
                foreach (var (name, bodies) in byName)
                {
                    foreach (var body in bodies!.AsArray())
                    {
                        blocks.Add((name, body!.AsObject()));
                    }
                }
            }
        }
        return blocks;
    }

    /// <summary>All resources of a type.</summary>
    public IReadOnlyList<(string Name, JsonObject Body)> Resources(string type) =>
        Blocks("resource", type);

    /// <summary>The one resource of a type and name.</summary>
    public JsonObject Resource(string type, string name) =>
        Resources(type).Single(r => r.Name == name).Body;

    /// <summary>Every resource type used.</summary>
    public IEnumerable<string> ResourceTypes() =>
        Files
            .Where(f => f.Key.EndsWith(".tf", StringComparison.Ordinal))
            .SelectMany(f => f.Value?["resource"] is JsonObject r ? r.Select(t => t.Key) : []);
}
