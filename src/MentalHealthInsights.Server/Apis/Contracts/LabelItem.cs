using System.Text.Json.Serialization;

namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>One observed outcome for a User_ID seen in earlier predictions.</summary>
/// <param name="UserId">The User_ID sent with the predictions (pseudonymised before lookup).</param>
/// <param name="Outcome">Mental_Health_Condition = Yes.</param>
internal sealed record LabelItem(
    [property: JsonPropertyName("User_ID")] string? UserId,
    [property: JsonPropertyName("outcome")] bool? Outcome
);
