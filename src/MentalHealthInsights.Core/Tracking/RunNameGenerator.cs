using System.Globalization;
using System.Security.Cryptography;

namespace MentalHealthInsights.Core.Tracking;

/// <summary>
/// Generates a run name when none is given, in MLflow's style: <c>adjective-noun-NNN</c>
/// (e.g. <c>calm-otter-417</c>). Names need only be memorable, not reproducible, so this uses the
/// OS random source rather than a seeded generator.
/// </summary>
public static class RunNameGenerator
{
    private static readonly string[] Adjectives =
    [
        "able",
        "bold",
        "brave",
        "bright",
        "calm",
        "clever",
        "crisp",
        "eager",
        "fair",
        "gentle",
        "glad",
        "grand",
        "honest",
        "keen",
        "kind",
        "lively",
        "lucid",
        "merry",
        "neat",
        "nimble",
        "patient",
        "polite",
        "proud",
        "quick",
        "quiet",
        "rare",
        "sharp",
        "steady",
        "sunny",
        "swift",
        "tidy",
        "warm",
        "wise",
        "witty",
    ];

    private static readonly string[] Nouns =
    [
        "ant",
        "badger",
        "bee",
        "crane",
        "deer",
        "dove",
        "eagle",
        "finch",
        "fox",
        "gull",
        "hare",
        "heron",
        "ibis",
        "koala",
        "lark",
        "lynx",
        "mole",
        "newt",
        "otter",
        "owl",
        "panda",
        "robin",
        "seal",
        "shrew",
        "skunk",
        "snail",
        "swan",
        "tern",
        "toad",
        "trout",
        "vole",
        "wolf",
        "wren",
        "yak",
    ];

    /// <summary>A new name such as <c>calm-otter-417</c>.</summary>
    public static string Generate() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Adjectives[RandomNumberGenerator.GetInt32(Adjectives.Length)]}-{Nouns[RandomNumberGenerator.GetInt32(Nouns.Length)]}-{RandomNumberGenerator.GetInt32(1000)}"
        );
}
