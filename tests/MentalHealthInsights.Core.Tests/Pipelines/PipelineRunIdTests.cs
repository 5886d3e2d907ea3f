using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Core.Tests.Pipelines;

public sealed class PipelineRunIdTests
{
    // Expected: /usr/bin/python3 -c "import hashlib; print(hashlib.sha256(t.encode()).hexdigest()[:32])"
    // The ids of queued retrainings and scheduled firings must not change between versions
    // (a repeated request replaces its queued trigger by id).
    [Theory]
    [InlineData("retrain|run-1", "70d5724a848021e0735e74b73778ddaf")]
    [InlineData("alert-retraining|mon/1", "d66f38022e65b58629f0fe9dc16becff")]
    [InlineData("t@1", "af7a1ea5931fbb9fcf47f049aa53d3df")]
    public void Derive_KnownText_First32HexDigitsOfSha256(string text, string expected)
    {
        Assert.Equal(expected, PipelineRunId.Derive(text));
    }
}
