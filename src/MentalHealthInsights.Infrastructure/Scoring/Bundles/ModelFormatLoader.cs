using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Infrastructure.Scoring.Bundles;

/// <summary>How one model format is stored in a bundle and loaded back.</summary>
/// <param name="Format">The format name (<see cref="IBinaryModel.Format"/>).</param>
/// <param name="FileName">The model file's name inside the bundle.</param>
/// <param name="Trainers">The trainer names this format's loader can read.</param>
/// <param name="Load">Reads the model from the file's bytes, for a trainer in <paramref name="Trainers"/>.</param>
internal sealed record ModelFormatLoader(
    string Format,
    string FileName,
    IReadOnlyList<string> Trainers,
    Func<Stream, string, ModelBundleReaderOptions, IBinaryModel> Load
);
