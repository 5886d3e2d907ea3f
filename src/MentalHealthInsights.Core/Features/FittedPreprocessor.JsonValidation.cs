using System.Globalization;

namespace MentalHealthInsights.Core.Features;

public sealed partial class FittedPreprocessor
{
    /// <summary>
    /// Checks a deserialised document field by field and rebuilds the preprocessor. Every
    /// failure is a <see cref="FormatException"/> naming the field, so a damaged bundle is
    /// refused at load time instead of producing silently wrong features.
    /// </summary>
    private static FittedPreprocessor FromDocument(PreprocessorDocument? document)
    {
        if (document is null)
        {
            throw Invalid("the document is null.");
        }

        if (document.SchemaVersion is not { } version)
        {
            throw Invalid("'schemaVersion' is missing.");
        }

        if (version != SchemaVersion)
        {
            throw Invalid(
                $"'schemaVersion' is {Format(version)}; this version reads schemaVersion {Format(SchemaVersion)} only."
            );
        }

        var spec = ReadSpec(document.Spec);
        if (document.TrainingRowCount is not { } trainingRows || trainingRows < 1)
        {
            throw Invalid("'trainingRowCount' is missing or not positive.");
        }

        var columns = ReadColumns(document.Columns, spec, trainingRows);
        var notes = document.Notes?.OfType<string>().ToArray() ?? [];
        var preprocessor = new FittedPreprocessor(spec, columns, trainingRows, notes);
        CheckOutputs(document, preprocessor);
        return preprocessor;
    }

    private static FeatureSpec ReadSpec(FeatureSpecDocument? document)
    {
        if (document is null)
        {
            throw Invalid("'spec' is missing.");
        }

        if (document.Features is null)
        {
            throw Invalid("'spec.features' is missing.");
        }

        if (document.Target is null)
        {
            throw Invalid("'spec.target' is missing.");
        }

        var features = new string[document.Features.Count];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] =
                document.Features[i] ?? throw Invalid($"'spec.features[{Format(i)}]' is null.");
        }

        var spec = new FeatureSpec { Features = features, Target = document.Target };
        var problems = spec.FindProblems();
        return problems.Count == 0
            ? spec
            : throw Invalid("'spec' is invalid: " + string.Join(" ", problems));
    }

    private static FittedColumn[] ReadColumns(
        IReadOnlyList<PreprocessorColumnDocument?>? documents,
        FeatureSpec spec,
        int trainingRows
    )
    {
        if (documents is null)
        {
            throw Invalid("'columns' is missing.");
        }

        if (documents.Count != spec.Features.Count)
        {
            throw Invalid(
                $"'columns' has {Format(documents.Count)} entries but 'spec.features' lists {Format(spec.Features.Count)}."
            );
        }

        var columns = new FittedColumn[documents.Count];
        var offset = 0;
        for (var i = 0; i < columns.Length; i++)
        {
            var field = $"columns[{Format(i)}]";
            var document = documents[i] ?? throw Invalid($"'{field}' is null.");
            var name = spec.Features[i];
            if (document.Name != name)
            {
                throw Invalid(
                    $"'{field}.name' does not match 'spec.features[{Format(i)}]' ({name})."
                );
            }

            if (
                document.MissingInTraining is not { } missing
                || missing < 0
                || missing > trainingRows
            )
            {
                throw Invalid(
                    $"'{field}.missingInTraining' is missing or outside 0..trainingRowCount."
                );
            }

            var kind = FeatureColumns.GetKind(name);
            var expectedKind =
                kind == FeatureKind.Numeric
                    ? PreprocessorColumnDocument.NumericKind
                    : PreprocessorColumnDocument.CategoricalKind;
            if (document.Kind != expectedKind)
            {
                throw Invalid($"'{field}.kind' must be '{expectedKind}' for column {name}.");
            }

            columns[i] =
                kind == FeatureKind.Numeric
                    ? ReadNumeric(document, field, name, offset, missing)
                    : ReadCategorical(document, field, name, offset, missing);
            offset += columns[i].Width;
        }

        return columns;
    }

    private static FittedColumn ReadNumeric(
        PreprocessorColumnDocument document,
        string field,
        string name,
        int offset,
        long missing
    )
    {
        var median = Finite(document.Median, field + ".median");
        var mean = Finite(document.Mean, field + ".mean");
        var std = Finite(document.StandardDeviation, field + ".standardDeviation");
        var scale = Finite(document.Scale, field + ".scale");
        if (std < 0)
        {
            throw Invalid($"'{field}.standardDeviation' is negative.");
        }

        if (scale <= 0)
        {
            throw Invalid($"'{field}.scale' is not positive.");
        }

        return FittedColumn.Numeric(name, offset, missing, median, mean, std, scale);
    }

    private static FittedColumn ReadCategorical(
        PreprocessorColumnDocument document,
        string field,
        string name,
        int offset,
        long missing
    )
    {
        if (document.Levels is null)
        {
            throw Invalid($"'{field}.levels' is missing.");
        }

        var levels = new string[document.Levels.Count];
        for (var k = 0; k < levels.Length; k++)
        {
            var level = document.Levels[k];
            if (string.IsNullOrEmpty(level) || level == UnknownLevel)
            {
                throw Invalid($"'{field}.levels[{Format(k)}]' is null, empty or '{UnknownLevel}'.");
            }

            if (k > 0 && string.CompareOrdinal(levels[k - 1], level) >= 0)
            {
                throw Invalid($"'{field}.levels' is not sorted ordinally without duplicates.");
            }

            levels[k] = level;
        }

        return FittedColumn.Categorical(name, offset, missing, levels);
    }

    private static void CheckOutputs(PreprocessorDocument document, FittedPreprocessor rebuilt)
    {
        if (document.OutputWidth is not { } width)
        {
            throw Invalid("'outputWidth' is missing.");
        }

        if (width != rebuilt.OutputWidth)
        {
            throw Invalid(
                $"'outputWidth' is {Format(width)} but the columns define {Format(rebuilt.OutputWidth)} slots."
            );
        }

        if (document.OutputNames is not { } names)
        {
            throw Invalid("'outputNames' is missing.");
        }

        if (names.Count != rebuilt.OutputWidth)
        {
            throw Invalid(
                $"'outputNames' has {Format(names.Count)} names but the columns define {Format(rebuilt.OutputWidth)} slots."
            );
        }

        for (var k = 0; k < names.Count; k++)
        {
            if (names[k] != rebuilt.OutputNames[k])
            {
                throw Invalid(
                    $"'outputNames[{Format(k)}]' does not match the slot the columns define ({rebuilt.OutputNames[k]})."
                );
            }
        }
    }

    private static double Finite(double? value, string field) =>
        value is { } v && double.IsFinite(v)
            ? v
            : throw Invalid($"'{field}' is missing or not a finite number.");

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static FormatException Invalid(string problem) =>
        new("Invalid preprocessor JSON: " + problem);
}
