namespace Shigan.Core.Cases;

/// <summary>Either a request that may go to approval, or a refusal code and nothing to approve.</summary>
public readonly record struct ExtensionRequestResult(ExtensionRequest? Request, string? Refusal)
{
    public bool IsAccepted => Request is not null;
}
