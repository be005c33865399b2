namespace Shigan.Core.Cases;

/// <summary>Either the status the case moves to, or a refusal code (see <see cref="CaseRefusals"/>) and no change.</summary>
public readonly record struct TransitionResult
{
    private TransitionResult(CaseStatus? to, string? refusal)
    {
        To = to;
        Refusal = refusal;
    }

    public CaseStatus? To { get; }

    public string? Refusal { get; }

    public bool IsAllowed => To is not null;

    public static TransitionResult Allowed(CaseStatus to) => new(to, null);

    public static TransitionResult Refused(string refusal) => new(null, refusal);

    public override string ToString() => IsAllowed ? $"-> {To}" : $"refused: {Refusal}";
}
