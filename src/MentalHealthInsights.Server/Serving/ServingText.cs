namespace MentalHealthInsights.Server.Serving;

/// <summary>The framing every answer and page carries.</summary>
internal static class ServingText
{
    public const string Disclaimer =
        "A screening aid, not a diagnosis: the probability is a statistical estimate from "
        + "demographic and lifestyle answers. It cannot tell whether a person has a mental health "
        + "condition; talk to a qualified professional about any concern.";

    public const string WhatIfNote =
        "An association learned from data, not a causal effect or medical advice: it shows how "
        + "the model's estimate moves when one answer changes and everything else stays the same.";
}
