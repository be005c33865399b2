namespace Shigan.Core.Campaigns;

public enum ForecastStatus
{
    /// <summary>Every target has reached the stage.</summary>
    Done = 1,

    /// <summary>At the recent rate it is reached by the target date.</summary>
    OnTrack = 2,

    /// <summary>At the recent rate it is reached after the target date.</summary>
    Late = 3,

    /// <summary>Nothing moved lately: no date can be given.</summary>
    Stalled = 4,

    /// <summary>The campaign has no targets yet.</summary>
    NoTargets = 5,
}
