namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>The estimated probability with one factor set to <paramref name="Value"/>.</summary>
/// <param name="Value">The factor's value as text.</param>
/// <param name="Probability">The estimated probability with that value.</param>
/// <param name="Change">Probability minus the current probability.</param>
internal sealed record WhatIfPoint(string Value, double Probability, double Change);
