using MentalHealthInsights.Core.Features;
using static MentalHealthInsights.Core.Tests.Features.FeatureTestData;

namespace MentalHealthInsights.Core.Tests.Features;

public class FittedPreprocessorTransformTests
{
    private static readonly string[] NumericColumns =
    [
        "Age",
        "Sleep_Hours",
        "Work_Hours",
        "Physical_Activity_Hours",
    ];

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Transform_MissingNumerics_ImputedWithMedianThenScaledAsSklearn(int row)
    {
        var rows = EightRows();
        var fitted = Preprocessor.Fit(rows, FeatureSpec.Default);
        var expected = row == 2 ? Reference.Row2Scaled : Reference.Row5Scaled;

        var features = fitted.Transform(rows[row]);

        for (var c = 0; c < NumericColumns.Length; c++)
        {
            var slot = fitted.GetOutputRange(NumericColumns[c]).Start.Value;
            // Tolerance: one float32 ulp around 1 is 1.2e-7; 1e-6 absolute allows for the cast.
            Assert.Equal(expected[c], features[slot], 1e-6);
        }
    }

    [Fact]
    public void Transform_KnownCategories_OneHotWithoutUnknown()
    {
        var rows = EightRows();
        var fitted = Preprocessor.Fit(rows, FeatureSpec.Default);

        var features = new float[fitted.OutputWidth];
        var mask = fitted.Transform(rows[1], features);

        Assert.Equal(0, mask);
        Assert.Equal([0f, 1f, 0f, 0f, 0f], Slots(fitted, features, "Gender"));
        Assert.Equal([1f, 0f, 0f], Slots(fitted, features, "Consultation_History"));
        Assert.Equal([1f, 0f, 0f, 0f], Slots(fitted, features, "Stress_Level"));
    }

    [Fact]
    public void Transform_CategoryTextInAnotherStringInstance_SameFeatures()
    {
        // Lookups compare references first (the validator's schema strings); an equal string
        // that is another instance (a JSON parser's, say) must land in the same slot.
        var rows = EightRows();
        var fitted = Preprocessor.Fit(rows, FeatureSpec.Default);
        var original = rows[1];
        var copy = original with
        {
            Gender = new string(original.Gender.AsSpan()),
            Occupation = new string(original.Occupation.AsSpan()),
            Country = new string(original.Country.AsSpan()),
            StressLevel = original.StressLevel is { } s ? new string(s.AsSpan()) : null,
        };
        Assert.False(ReferenceEquals(original.Gender, copy.Gender));

        var expected = new float[fitted.OutputWidth];
        var actual = new float[fitted.OutputWidth];
        var expectedMask = fitted.Transform(original, expected);
        var actualMask = fitted.Transform(copy, actual);

        Assert.Equal(expected, actual);
        Assert.Equal(expectedMask, actualMask);
        Assert.Equal([0f, 1f, 0f, 0f, 0f], Slots(fitted, actual, "Gender"));
    }

    [Fact]
    public void Transform_UnseenAndMissingCategories_SetUnknownSlotAndMask()
    {
        // Training has no "Other" country and no missing stress level.
        var training = new[]
        {
            Record(country: "USA", stress: "Low"),
            Record(country: "UK", stress: "High"),
        };
        var fitted = Preprocessor.Fit(training, FeatureSpec.Default);
        var record = Record(country: "Other", stress: null, consultation: true);

        var features = new float[fitted.OutputWidth];
        var mask = fitted.Transform(record, features);

        Assert.Equal([0f, 0f, 1f], Slots(fitted, features, "Country"));
        Assert.Equal([0f, 0f, 1f], Slots(fitted, features, "Stress_Level"));
        Assert.Equal([1f, 0f], Slots(fitted, features, "Consultation_History"));
        Assert.Equal(["Country", "Stress_Level"], fitted.GetUnknownColumns(mask));
        Assert.Equal((1 << 3) | (1 << 5), mask);
    }

    [Fact]
    public void Transform_EveryRow_ExactlyOneHotPerCategoricalColumn()
    {
        var rows = Random(200, seed: 3);
        var fitted = Preprocessor.Fit(rows.Take(50).ToList(), FeatureSpec.Default);

        foreach (var record in rows)
        {
            var features = fitted.Transform(record);
            foreach (
                var column in fitted.Spec.Features.Where(c =>
                    fitted.GetKind(c) == FeatureKind.Categorical
                )
            )
            {
                var slots = Slots(fitted, features, column);
                Assert.Equal(1f, slots.Sum());
                Assert.All(slots, v => Assert.True(v is 0f or 1f));
            }
        }
    }

    [Fact]
    public void Transform_SameRecordTwice_BitIdentical()
    {
        var rows = Random(100, seed: 5);
        var fitted = Preprocessor.Fit(rows, FeatureSpec.Default);

        var first = fitted.Transform(rows[17]);
        var second = new float[fitted.OutputWidth];
        second.AsSpan().Fill(float.NaN);
        fitted.Transform(rows[17], second);

        Assert.Equal(Bits(first), Bits(second));
    }

    [Fact]
    public void Transform_SpanOverload_AllocatesNothing()
    {
        var rows = Random(64, seed: 9);
        rows.Add(Record(country: "Atlantis", stress: null, age: double.NaN));
        var fitted = Preprocessor.Fit(rows.Take(60).ToList(), FeatureSpec.Default);
        Span<float> destination = stackalloc float[fitted.OutputWidth];
        var mask = 0;
        for (var i = 0; i < 1000; i++)
        {
            mask |= fitted.Transform(rows[i % rows.Count], destination);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20_000; i++)
        {
            mask |= fitted.Transform(rows[i % rows.Count], destination);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, mask);
    }

    [Fact]
    public void Transform_WrongDestinationLength_Throws()
    {
        var fitted = Preprocessor.Fit(EightRows(), FeatureSpec.Default);

        Assert.Throws<ArgumentException>(() =>
            fitted.Transform(Record(), new float[fitted.OutputWidth + 1])
        );
    }

    [Fact]
    public void Transform_CustomSubsetSpec_OnlyThoseColumnsInGivenOrder()
    {
        var rows = EightRows();
        var spec = new FeatureSpec { Features = ["Stress_Level", "Sleep_Hours"] };

        var fitted = Preprocessor.Fit(rows, spec);
        var features = fitted.Transform(rows[3]);

        Assert.Equal(
            [
                "Stress_Level=High",
                "Stress_Level=Low",
                "Stress_Level=Medium",
                "Stress_Level=<unknown>",
                "Sleep_Hours",
            ],
            fitted.OutputNames
        );
        // Row r3: Stress_Level missing → unknown; Sleep_Hours missing → median 6.5 →
        // (6.5 − 6.375) / 1.165922381636102 = 0.10721130... (Reference values).
        Assert.Equal([0f, 0f, 0f, 1f], features[..4]);
        Assert.Equal((6.5 - 6.375) / 1.165922381636102, features[4], 1e-6);
        Assert.Equal(
            ["Stress_Level"],
            fitted.GetUnknownColumns(fitted.Transform(rows[3], new float[5]))
        );
    }

    [Fact]
    public void TransformBatch_AnyOverload_EqualsRowByRowTransform()
    {
        var rows = Random(120, seed: 13);
        var fitted = Preprocessor.Fit(rows.Take(40).ToList(), FeatureSpec.Default);
        var width = fitted.OutputWidth;

        var batch = fitted.TransformBatch(rows);
        int[] indices = [119, 0, 7, 7];
        var picked = fitted.TransformBatch(rows, indices);
        var buffer = new float[rows.Count * width];
        var masks = new int[rows.Count];
        fitted.TransformBatch(rows, buffer, masks);

        for (var i = 0; i < rows.Count; i++)
        {
            var single = new float[width];
            var mask = fitted.Transform(rows[i], single);
            Assert.Equal(Bits(single), Bits(batch.AsSpan(i * width, width).ToArray()));
            Assert.Equal(Bits(single), Bits(buffer.AsSpan(i * width, width).ToArray()));
            Assert.Equal(mask, masks[i]);
        }

        for (var k = 0; k < indices.Length; k++)
        {
            Assert.Equal(
                Bits(fitted.Transform(rows[indices[k]])),
                Bits(picked.AsSpan(k * width, width).ToArray())
            );
        }
    }

    [Fact]
    public void ToOriginalScale_NumericSlot_InvertsScaling()
    {
        var rows = EightRows();
        var fitted = Preprocessor.Fit(rows, FeatureSpec.Default);
        var slot = fitted.GetOutputRange("Sleep_Hours").Start.Value;

        var features = fitted.Transform(rows[0]);

        Assert.Equal(7.5, fitted.ToOriginalScale(slot, features[slot]), 1e-5);
        Assert.Throws<ArgumentOutOfRangeException>(() => fitted.ToOriginalScale(1, 1));
    }

    private static float[] Slots(FittedPreprocessor fitted, float[] features, string column) =>
        features[fitted.GetOutputRange(column)];

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
