using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Core.Tests.Tracking;

public sealed class TrackingErrorCodesTests
{
    [Fact]
    public void ToMlflowName_EveryCode_RoundTripsThroughFromMlflowName()
    {
        foreach (var code in Enum.GetValues<TrackingErrorCode>())
        {
            Assert.Equal(code, TrackingErrorCodes.FromMlflowName(code.ToMlflowName()));
        }
    }

    [Theory]
    [InlineData(TrackingErrorCode.InvalidParameterValue, "INVALID_PARAMETER_VALUE", 400)]
    [InlineData(TrackingErrorCode.ResourceAlreadyExists, "RESOURCE_ALREADY_EXISTS", 400)]
    [InlineData(TrackingErrorCode.ResourceDoesNotExist, "RESOURCE_DOES_NOT_EXIST", 404)]
    [InlineData(TrackingErrorCode.PermissionDenied, "PERMISSION_DENIED", 403)]
    [InlineData(TrackingErrorCode.RequestLimitExceeded, "REQUEST_LIMIT_EXCEEDED", 429)]
    [InlineData(TrackingErrorCode.InternalError, "INTERNAL_ERROR", 500)]
    [InlineData(TrackingErrorCode.TemporarilyUnavailable, "TEMPORARILY_UNAVAILABLE", 503)]
    public void ToMlflowName_Code_MatchesTheReferenceTable(
        TrackingErrorCode code,
        string name,
        int status
    )
    {
        Assert.Equal(name, code.ToMlflowName());
        Assert.Equal(status, code.ToHttpStatus());
    }

    [Theory]
    [InlineData("NOT_FOUND", TrackingErrorCode.ResourceDoesNotExist)]
    [InlineData("ENDPOINT_NOT_FOUND", TrackingErrorCode.NotImplemented)]
    [InlineData("ALREADY_EXISTS", TrackingErrorCode.ResourceAlreadyExists)]
    [InlineData("SOMETHING_NEW", TrackingErrorCode.InternalError)]
    [InlineData(null, TrackingErrorCode.InternalError)]
    public void FromMlflowName_SynonymsAndUnknown_MapToClosestCode(
        string? name,
        TrackingErrorCode expected
    ) => Assert.Equal(expected, TrackingErrorCodes.FromMlflowName(name));

    [Fact]
    public void TrackingException_Code_ExposesMlflowName()
    {
        var error = new TrackingException(TrackingErrorCode.ResourceDoesNotExist, "missing");

        Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.MlflowErrorCode);
        Assert.Equal("missing", error.Message);
    }
}
