namespace Shigan.Core.Services.Applications;

/// <summary>The answer to "may this part move by this action?": the status it goes to, or why not.</summary>
public sealed record PartDecision(PartStatus? To, string? Refusal)
{
    public static PartDecision Allowed(PartStatus to) => new(to, null);

    public static PartDecision Refused(string code) => new(null, code);
}
