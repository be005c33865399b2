namespace Shigan.Core.Services.Applications;

/// <summary>The codes a refused part action answers with; pages and the API turn them into messages.</summary>
public static class ApplicationRefusals
{
    public const string NotAllowedFromStatus = "not-allowed-from-status";
    public const string ReasonRequired = "reason-required";
    public const string MaterialRequired = "material-required";
    public const string TextTooLong = "text-too-long";
}
